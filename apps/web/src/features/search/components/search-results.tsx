import { Group, NativeSelect, Pagination, Stack, Title, VisuallyHidden } from '@mantine/core';
import { SEARCH_SORTS, type SearchResult, type SearchSort } from '@nano/contracts';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatCount } from '../../../shared/nanos/format.ts';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { recordSearchClick } from '../api/record-search-click.ts';
import { SEARCH_PAGE_MAX, SEARCH_PAGE_SIZE, type SearchState } from '../api/search-params.ts';
import { ActiveFilterChips } from './active-filter-chips.tsx';
import { DidYouMean } from './did-you-mean.tsx';
import { EmptyResults } from './empty-results.tsx';
import { ResultList } from './result-list.tsx';

interface SearchResultsProps {
  state: SearchState;
  onChange: (next: SearchState) => void;
  result: {
    data: SearchResult | undefined;
    error: Error | null;
    isPending: boolean;
    isFetching: boolean;
    isPlaceholderData: boolean;
    refetch: () => unknown;
  };
  /** Buttons next to the sort (filters on phones, save search). */
  toolbar?: ReactNode;
}

/** Sort choice as a labelled select (a native one: keyboard and screen readers know it). */
function SortSelect({ value, onChange }: { value: SearchSort; onChange: (sort: SearchSort) => void }) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t('search.sort.label')}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value as SearchSort)}
      data={SEARCH_SORTS.map((sort) => ({ value: sort, label: t(`search.sort.${sort}`) }))}
      size="sm"
    />
  );
}

/** The result column: count, sort, chips, "did you mean", the hits or the empty state, pagination. */
export function SearchResults({ state, onChange, result, toolbar }: SearchResultsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  const { data } = result;

  const renderBody = () => {
    if (result.isPending) {
      return <PageLoader />;
    }
    if (!data) {
      return (
        <ErrorAlert
          error={result.error ?? new Error('search failed')}
          message={t('search.loadError')}
          onRetry={() => void result.refetch()}
          retrying={result.isFetching}
        />
      );
    }
    if (data.items.length === 0) {
      return <EmptyResults state={state} onChange={onChange} />;
    }
    const pageCount = Math.min(Math.ceil(data.total / SEARCH_PAGE_SIZE), SEARCH_PAGE_MAX);
    return (
      <Stack gap="lg">
        <ResultList
          hits={data.items}
          labelledBy={headingId}
          busy={result.isPlaceholderData}
          firstPosition={(data.page - 1) * SEARCH_PAGE_SIZE + 1}
          onOpen={(hit, position) => recordSearchClick({ q: state.q, nanoId: hit.id, position })}
        />
        {pageCount > 1 && (
          <nav aria-label={t('search.pagination')}>
            <Pagination
              total={pageCount}
              value={state.page}
              onChange={(page) => {
                onChange({ ...state, page });
                document.getElementById(headingId)?.scrollIntoView({ block: 'start' });
              }}
              getItemProps={(item) => ({ 'aria-label': t('myNanos.goToPage', { page: item }) })}
              getControlProps={(control) => ({ 'aria-label': t(`myNanos.pagination.${control}`) })}
            />
          </nav>
        )}
      </Stack>
    );
  };

  const countText = data
    ? t('search.resultCount', { count: data.total, formatted: formatCount(data.total, locale) })
    : t('search.results');
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {countText}
        </Title>
        <Group gap="sm" align="flex-end">
          {toolbar}
          <SortSelect value={state.sort} onChange={(sort) => onChange({ ...state, sort, page: 1 })} />
        </Group>
      </Group>
      <VisuallyHidden role="status">{data && !result.isFetching ? countText : ''}</VisuallyHidden>
      <ActiveFilterChips state={state} onChange={onChange} />
      {data && <DidYouMean state={state} result={data} />}
      {result.error && data && (
        <ErrorAlert
          error={result.error}
          message={t('search.loadError')}
          onRetry={() => void result.refetch()}
          retrying={result.isFetching}
        />
      )}
      {renderBody()}
    </Stack>
  );
}
