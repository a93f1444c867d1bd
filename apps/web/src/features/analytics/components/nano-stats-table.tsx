import { Anchor, Group, Table, Text, UnstyledButton } from '@mantine/core';
import type { CreatorAnalytics } from '@nano/contracts';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatCount, formatRating } from '../../../shared/nanos/format.ts';
import { NanoStatusBadge } from '../../../shared/nanos/status-badge.tsx';
import { paths } from '../../../shared/routes.ts';
import { ArrowDownIcon, ArrowUpIcon } from '../../../shared/ui/icons.tsx';

type NanoRow = CreatorAnalytics['nanos'][number];

/** The columns one can sort by, in table order. */
const SORT_COLUMNS = [
  'title',
  'views',
  'uniqueViewers',
  'downloads',
  'favorites',
  'ratingsCount',
  'ratingAverageAllTime',
] as const;
type SortColumn = (typeof SORT_COLUMNS)[number];
interface Sort {
  column: SortColumn;
  direction: 'asc' | 'desc';
}

function compare(a: NanoRow, b: NanoRow, column: SortColumn, locale: string): number {
  if (column === 'title') {
    return a.title.localeCompare(b.title, locale);
  }
  // Nanos without ratings come last in both directions' sense of "none".
  return (a[column] ?? -1) - (b[column] ?? -1);
}

/** Rows in the chosen order; ties keep the server's order (most viewed first). */
export function sortRows(rows: NanoRow[], sort: Sort, locale: string): NanoRow[] {
  const factor = sort.direction === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => factor * compare(a.row, b.row, sort.column, locale) || a.index - b.index)
    .map(({ row }) => row);
}

/** The received-ratings page narrowed to one Nano. */
function ratingsHref(nanoId: string): string {
  return `${paths.receivedRatings.getHref()}?${new URLSearchParams({ nano: nanoId })}`;
}

function SortHeader({
  column,
  sort,
  onSort,
  children,
}: {
  column: SortColumn;
  sort: Sort;
  onSort: (column: SortColumn) => void;
  children: ReactNode;
}) {
  const active = sort.column === column;
  const numeric = column !== 'title';
  return (
    <Table.Th
      scope="col"
      aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
      ta={numeric ? 'right' : undefined}
    >
      <UnstyledButton onClick={() => onSort(column)} fw={700} fz="sm" w="100%">
        <Group gap={4} wrap="nowrap" justify={numeric ? 'flex-end' : 'flex-start'}>
          <span>{children}</span>
          {active && (sort.direction === 'asc' ? <ArrowUpIcon size={14} /> : <ArrowDownIcon size={14} />)}
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

/** Every own Nano with the range's figures and its all-time rating; the headers sort the rows. */
export function NanoStatsTable({ rows }: { rows: NanoRow[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [sort, setSort] = useState<Sort>({ column: 'views', direction: 'desc' });
  const onSort = (column: SortColumn) =>
    setSort((current) =>
      current.column === column
        ? { column, direction: current.direction === 'asc' ? 'desc' : 'asc' }
        : { column, direction: column === 'title' ? 'asc' : 'desc' },
    );
  const count = (value: number) => formatCount(value, locale);

  return (
    <Table.ScrollContainer minWidth={880}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Caption>{t('analytics.table.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {SORT_COLUMNS.map((column) => (
              <SortHeader key={column} column={column} sort={sort} onSort={onSort}>
                {t(`analytics.table.columns.${column}`)}
              </SortHeader>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sortRows(rows, sort, locale).map((row) => (
            <Table.Tr key={row.nanoId}>
              <Table.Th scope="row" fw={400}>
                <Group gap="xs" wrap="nowrap" align="center">
                  <Anchor component={Link} to={paths.nanoDetail.getHref(row.nanoId)} fw={500}>
                    {row.title}
                  </Anchor>
                  {row.status !== 'published' && <NanoStatusBadge status={row.status} />}
                </Group>
              </Table.Th>
              <Table.Td ta="right">{count(row.views)}</Table.Td>
              <Table.Td ta="right">{count(row.uniqueViewers)}</Table.Td>
              <Table.Td ta="right">{count(row.downloads)}</Table.Td>
              <Table.Td ta="right">{count(row.favorites)}</Table.Td>
              <Table.Td ta="right">{count(row.ratingsCount)}</Table.Td>
              <Table.Td ta="right">
                {row.ratingAverageAllTime === null ? (
                  <Text span c="dimmed" aria-label={t('analytics.table.noRatings')}>
                    –
                  </Text>
                ) : (
                  <Anchor
                    component={Link}
                    to={ratingsHref(row.nanoId)}
                    aria-label={t('analytics.table.ratingsLink', {
                      title: row.title,
                      average: formatRating(row.ratingAverageAllTime, locale),
                      count: row.ratingCountAllTime,
                    })}
                  >
                    {`${formatRating(row.ratingAverageAllTime, locale)} (${count(row.ratingCountAllTime)})`}
                  </Anchor>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
