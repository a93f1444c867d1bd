import { Box, Button, Container, Drawer, Grid, Stack, Title } from '@mantine/core';
import { useDisclosure, useDocumentTitle } from '@mantine/hooks';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../../../shared/auth/get-current-user.ts';
import { useSearchResults } from '../api/get-search-results.ts';
import { type SearchState, searchStateFromParams, searchStateToParams } from '../api/search-params.ts';
import { FilterPanel } from './filter-panel.tsx';
import { SaveSearchButton } from './save-search-button.tsx';
import { SearchBox } from './search-box.tsx';
import { SearchResults } from './search-results.tsx';
import { useFilterLabels } from './use-filter-labels.ts';

/**
 * `/suche`: full-text search with filters. The whole state (text, filters, sort, page) is the
 * query string, with the API's parameter names, so a link reproduces the search and Back
 * restores the previous filters. On phones the filters move into a drawer.
 */
export function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => searchStateFromParams(params), [params]);
  const result = useSearchResults(state);
  const user = useCurrentUser().data;
  const activeCount = useFilterLabels().activeFilters(state).length;
  const [drawerOpened, drawer] = useDisclosure(false);
  const filterHeadingId = useId();
  useDocumentTitle(
    t('app.documentTitle', {
      page: state.q ? t('search.documentTitleFor', { q: state.q }) : t('search.title'),
    }),
  );

  const update = (next: SearchState) => {
    setParams(searchStateToParams(next));
  };
  const facets = result.data?.facets;
  const filterButtonLabel =
    activeCount > 0 ? t('search.showFiltersCount', { count: activeCount }) : t('search.showFilters');

  return (
    <Container size="lg" py="xl">
      <Stack gap="lg">
        <Title order={1}>{t('search.title')}</Title>
        <Box maw={720}>
          <SearchBox
            key={state.q}
            defaultValue={state.q}
            label={t('search.label')}
            size="lg"
            onSearch={(q) => update({ ...state, q, page: 1 })}
          />
        </Box>
        <Grid gutter="xl">
          <Grid.Col span={{ base: 12, md: 3 }} visibleFrom="md">
            <Stack component="aside" aria-labelledby={filterHeadingId} gap="md">
              <Title order={2} size="h4" id={filterHeadingId}>
                {t('search.filtersHeading')}
              </Title>
              <FilterPanel state={state} facets={facets} onChange={update} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 9 }}>
            <SearchResults
              state={state}
              onChange={update}
              result={result}
              toolbar={
                <>
                  <Button variant="default" hiddenFrom="md" onClick={drawer.open}>
                    {filterButtonLabel}
                  </Button>
                  {user && <SaveSearchButton state={state} />}
                </>
              }
            />
          </Grid.Col>
        </Grid>
      </Stack>
      <Drawer
        closeButtonProps={{ 'aria-label': t('search.closeFilters') }}
        opened={drawerOpened}
        onClose={drawer.close}
        title={t('search.filtersHeading')}
        position="left"
        size="sm"
      >
        <Stack gap="lg">
          <FilterPanel state={state} facets={facets} onChange={update} />
          <Button onClick={drawer.close}>
            {result.data
              ? t('search.showResults', { count: result.data.total })
              : t('search.showResultsPending')}
          </Button>
        </Stack>
      </Drawer>
    </Container>
  );
}
