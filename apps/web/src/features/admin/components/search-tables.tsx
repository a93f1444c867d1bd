import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { PlatformAnalytics } from '@nano/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatCount } from '../../../shared/nanos/format.ts';

/** A ranked list of search texts with how often they were searched. */
export function SearchesTable({
  title,
  caption,
  empty,
  rows,
}: {
  title: string;
  caption: string;
  empty: string;
  rows: PlatformAnalytics['topSearches'];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId} h="100%">
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {title}
        </Title>
        {rows.length === 0 ? (
          <Text c="dimmed">{empty}</Text>
        ) : (
          <Table verticalSpacing={4} fz="sm" striped>
            <Table.Caption>{caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={40}>
                  {t('admin.analytics.rank')}
                </Table.Th>
                <Table.Th scope="col">{t('admin.analytics.query')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('admin.analytics.searches')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, index) => (
                <Table.Tr key={row.query}>
                  <Table.Td>{index + 1}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{row.query}</Table.Td>
                  <Table.Td ta="right">{formatCount(row.count, locale)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
