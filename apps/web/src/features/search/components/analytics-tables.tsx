import { Anchor, Group, Table, Text } from '@mantine/core';
import type { SearchAnalytics } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatCount } from '../../../shared/nanos/format.ts';
import { paths } from '../../../shared/routes.ts';
import { searchStateToParams } from '../api/search-params.ts';
import classes from './analytics-bar.module.css';

/** A horizontal bar for a share of the largest value; the number beside it says the same in text. */
function Bar({ value, max, zero = false }: { value: number; max: number; zero?: boolean }) {
  const width = max > 0 ? Math.max((value / max) * 100, 2) : 0;
  return (
    <div className={classes.track} aria-hidden="true">
      <div className={`${classes.bar} ${zero ? classes.barZero : ''}`} style={{ width: `${width}%` }} />
    </div>
  );
}

function QueryLink({ query }: { query: string }) {
  return (
    <Anchor
      component={Link}
      to={paths.search.getHref(searchStateToParams({ q: query }))}
      style={{ overflowWrap: 'anywhere' }}
    >
      {query}
    </Anchor>
  );
}

/** The most frequent queries: searches (as a bar), average results, clicks. */
export function TopQueriesTable({ rows }: { rows: SearchAnalytics['topQueries'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const max = Math.max(0, ...rows.map((row) => row.searches));
  const average = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  if (rows.length === 0) {
    return <Text>{t('searchAnalytics.noQueries')}</Text>;
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs">
        <Table.Caption>{t('searchAnalytics.topCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('searchAnalytics.columns.query')}</Table.Th>
            <Table.Th scope="col">{t('searchAnalytics.columns.searches')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('searchAnalytics.columns.avgResults')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('searchAnalytics.columns.clicks')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.query}>
              <Table.Td>
                <QueryLink query={row.query} />
              </Table.Td>
              <Table.Td w="45%">
                <CountWithBar count={row.searches} max={max} />
              </Table.Td>
              <Table.Td ta="right">{average.format(row.avgResults)}</Table.Td>
              <Table.Td ta="right">{formatCount(row.clicks, locale)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Queries that found nothing: what the catalogue lacks or what needs a synonym. */
export function ZeroResultQueriesTable({ rows }: { rows: SearchAnalytics['zeroResultQueries'] }) {
  const { t } = useTranslation();
  const max = Math.max(0, ...rows.map((row) => row.searches));
  if (rows.length === 0) {
    return <Text>{t('searchAnalytics.noZeroResults')}</Text>;
  }
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table verticalSpacing="xs">
        <Table.Caption>{t('searchAnalytics.zeroCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('searchAnalytics.columns.query')}</Table.Th>
            <Table.Th scope="col">{t('searchAnalytics.columns.searches')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.query}>
              <Table.Td>
                <QueryLink query={row.query} />
              </Table.Td>
              <Table.Td w="60%">
                <CountWithBar count={row.searches} max={max} zero />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A count and its bar, so the table reads as a chart. */
function CountWithBar({ count, max, zero = false }: { count: number; max: number; zero?: boolean }) {
  const locale = useLocale();
  return (
    <Group gap="sm" wrap="nowrap">
      <Text size="sm" w={48} ta="right">
        {formatCount(count, locale)}
      </Text>
      <div style={{ flex: 1 }}>
        <Bar value={count} max={max} zero={zero} />
      </div>
    </Group>
  );
}
