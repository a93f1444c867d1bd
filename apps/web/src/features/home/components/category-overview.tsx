import { Card, SimpleGrid, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useCategories } from '../../../shared/api/get-categories.ts';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { CategoryCard } from './category-card.tsx';

const GRID_COLUMNS = { base: 1, sm: 2, md: 3 };
const PLACEHOLDER_CARDS = [1, 2, 3, 4, 5, 6];

function CategoriesLoading() {
  const { t } = useTranslation();
  return (
    <div aria-busy="true">
      <VisuallyHidden role="status">{t('home.categoriesLoading')}</VisuallyHidden>
      <SimpleGrid cols={GRID_COLUMNS} spacing="lg" aria-hidden="true">
        {PLACEHOLDER_CARDS.map((key) => (
          <Card key={key} withBorder radius="md" padding="lg">
            <Skeleton height={22} width="60%" mb="md" />
            <Skeleton height={12} mb="xs" />
            <Skeleton height={12} mb="xs" />
            <Skeleton height={12} width="80%" />
          </Card>
        ))}
      </SimpleGrid>
    </div>
  );
}

/** The topic tree of the home page: one card per top-level category, with loading and error states. */
export function CategoryOverview() {
  const { t } = useTranslation();
  const headingId = useId();
  const categories = useCategories();

  const renderContent = () => {
    if (categories.isPending) {
      return <CategoriesLoading />;
    }
    if (categories.isError) {
      return (
        <ErrorAlert
          error={categories.error}
          message={t('home.categoriesError')}
          onRetry={() => void categories.refetch()}
          retrying={categories.isFetching}
        />
      );
    }
    if (categories.data.items.length === 0) {
      return <Text>{t('home.categoriesEmpty')}</Text>;
    }
    const items = categories.data.items.toSorted((a, b) => a.position - b.position);
    return (
      <SimpleGrid cols={GRID_COLUMNS} spacing="lg">
        {items.map((category) => (
          <CategoryCard key={category.id} category={category} />
        ))}
      </SimpleGrid>
    );
  };

  return (
    <Stack component="section" aria-labelledby={headingId} gap="md">
      <Title order={2} id={headingId}>
        {t('home.categoriesHeading')}
      </Title>
      {renderContent()}
    </Stack>
  );
}
