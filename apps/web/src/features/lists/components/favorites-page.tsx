import {
  Anchor,
  Button,
  Container,
  Pagination,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { SearchHitCard } from '../../../shared/nanos/search-hit-card.tsx';
import { paths } from '../../../shared/routes.ts';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import {
  FAVORITES_PAGE_SIZE,
  type FavoritesQuery,
  favoritesQueryFromParams,
  favoritesQueryToParams,
  useFavorites,
} from '../api/get-favorites.ts';
import { FavoritesFilters } from './favorites-filters.tsx';

const COLUMNS = { base: 1, xs: 2, lg: 3 };

function isFiltered(query: FavoritesQuery): boolean {
  return Boolean(query.q || query.level || query.language || query.format);
}

/** No favourites at all: how to get some. */
function NoFavorites() {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="xl">
      <Stack gap="sm" align="flex-start">
        <Title order={2} size="h4">
          {t('favorites.emptyTitle')}
        </Title>
        <Text>{t('favorites.emptyText')}</Text>
        <Anchor component={Link} to={paths.search.getHref()}>
          {t('favorites.goToSearch')}
        </Anchor>
      </Stack>
    </Paper>
  );
}

/**
 * `/favoriten`: the Nanos the user favourited (published ones), with title search, filters,
 * sort and pages; the state is the query string. A card whose heart is clicked off disappears.
 */
export function FavoritesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.documentTitle', { page: t('favorites.title') }));
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => favoritesQueryFromParams(params), [params]);
  const favorites = useFavorites(query);
  const headingId = useId();
  // Remounts the filters after "reset", so that the title field forgets its text too.
  const [filtersKey, setFiltersKey] = useState(0);

  const update = (next: FavoritesQuery) => setParams(favoritesQueryToParams(next));
  const resetFilters = () => {
    setFiltersKey((key) => key + 1);
    update({ ...query, q: '', level: undefined, language: undefined, format: undefined, page: 1 });
  };

  const renderContent = () => {
    if (favorites.isPending) {
      return <PageLoader />;
    }
    if (favorites.isError) {
      return (
        <ErrorAlert
          error={favorites.error}
          message={t('favorites.loadError')}
          onRetry={() => void favorites.refetch()}
          retrying={favorites.isFetching}
        />
      );
    }
    const { items, total } = favorites.data;
    if (items.length === 0) {
      if (!isFiltered(query) && query.page === 1) {
        return <NoFavorites />;
      }
      return (
        <Stack gap="sm" align="flex-start">
          <Text>{t('favorites.noMatch')}</Text>
          <Button variant="default" onClick={resetFilters}>
            {t('favorites.resetFilters')}
          </Button>
        </Stack>
      );
    }
    const pageCount = Math.ceil(total / FAVORITES_PAGE_SIZE);
    return (
      <Stack gap="lg">
        <Title order={2} size="h4" id={headingId}>
          {t('favorites.count', { count: total })}
        </Title>
        <VisuallyHidden role="status">
          {favorites.isFetching ? '' : t('favorites.count', { count: total })}
        </VisuallyHidden>
        <SimpleGrid
          component="ul"
          cols={COLUMNS}
          spacing="md"
          aria-labelledby={headingId}
          aria-busy={favorites.isPlaceholderData}
          style={{ listStyle: 'none', padding: 0, margin: 0, opacity: favorites.isPlaceholderData ? 0.6 : 1 }}
        >
          {items.map((item) => (
            <li key={item.nano.id}>
              <SearchHitCard hit={item.nano} />
            </li>
          ))}
        </SimpleGrid>
        {pageCount > 1 && (
          <nav aria-label={t('favorites.pagination')}>
            <Pagination
              total={pageCount}
              value={query.page}
              onChange={(page) => update({ ...query, page })}
              getItemProps={(item) => ({ 'aria-label': t('myNanos.goToPage', { page: item }) })}
              getControlProps={(control) => ({ 'aria-label': t(`myNanos.pagination.${control}`) })}
            />
          </nav>
        )}
      </Stack>
    );
  };

  return (
    <Container size="lg" py="xl">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>{t('favorites.title')}</Title>
          <Text c="dimmed">{t('favorites.intro')}</Text>
        </Stack>
        <FavoritesFilters key={filtersKey} query={query} onChange={update} />
        {renderContent()}
      </Stack>
    </Container>
  );
}
