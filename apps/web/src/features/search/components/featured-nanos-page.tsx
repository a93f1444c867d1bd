import { Button, Container, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useFeatured, useSetFeatured } from '../../../shared/nanos/api/featured.ts';
import { SearchHitCard } from '../../../shared/nanos/search-hit-card.tsx';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';

const COLUMNS = { base: 1, xs: 2, md: 3, lg: 4 };

/** `/admin/empfohlen` (admins): the Nanos of the home page's "Empfohlen" block, each removable. */
export function FeaturedNanosPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.documentTitle', { page: t('featured.title') }));
  const featured = useFeatured();
  const setFeatured = useSetFeatured();

  const renderContent = () => {
    if (featured.isPending) {
      return <PageLoader />;
    }
    if (featured.isError) {
      return (
        <ErrorAlert
          error={featured.error}
          message={t('featured.loadError')}
          onRetry={() => void featured.refetch()}
          retrying={featured.isFetching}
        />
      );
    }
    if (featured.data.length === 0) {
      return <Text>{t('featured.empty')}</Text>;
    }
    return (
      <SimpleGrid
        component="ul"
        cols={COLUMNS}
        spacing="md"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {featured.data.map((hit) => (
          <Stack component="li" key={hit.id} gap="xs">
            <SearchHitCard hit={hit} headingOrder={2} />
            <Button
              variant="default"
              color="red.9"
              size="sm"
              loading={setFeatured.isPending && setFeatured.variables.nanoId === hit.id}
              onClick={() => setFeatured.mutate({ nanoId: hit.id, featured: false })}
            >
              {t('featured.remove')}
              <VisuallyHidden>{`: ${hit.title}`}</VisuallyHidden>
            </Button>
          </Stack>
        ))}
      </SimpleGrid>
    );
  };

  return (
    <Container size="lg" py="xl">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>{t('featured.title')}</Title>
          <Text c="dimmed">{t('featured.intro')}</Text>
        </Stack>
        <FormErrorAlert error={setFeatured.error} />
        {renderContent()}
      </Stack>
    </Container>
  );
}
