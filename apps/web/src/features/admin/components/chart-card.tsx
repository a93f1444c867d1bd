import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface DataColumn<Row> {
  label: string;
  value: (row: Row) => string;
  /** Numbers align right. */
  numeric?: boolean;
}

/** A chart's figures as a table: what screen readers and keyboard users read instead of the drawing. */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
}: {
  caption: string;
  columns: DataColumn<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
}) {
  return (
    <Table.ScrollContainer minWidth={320} mah={360}>
      <Table verticalSpacing={4} fz="sm" striped stickyHeader>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.label} scope="col" ta={column.numeric ? 'right' : undefined}>
                {column.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)}>
              {columns.map((column, index) =>
                index === 0 ? (
                  <Table.Th key={column.label} scope="row" fw={400}>
                    {column.value(row)}
                  </Table.Th>
                ) : (
                  <Table.Td key={column.label} ta={column.numeric ? 'right' : undefined}>
                    {column.value(row)}
                  </Table.Td>
                ),
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface ChartCardProps {
  title: string;
  /** A line under the title (what is counted). */
  description?: string | undefined;
  /** The chart (labelled by its own aria-label summary). */
  children: ReactNode;
  /** The same figures as a table, folded away under the chart. */
  table?: ReactNode;
  /** Shown instead of chart and table when there is nothing to draw. */
  empty?: string | undefined;
}

/** A titled chart with its figures as a table to unfold. */
export function ChartCard({ title, description, children, table, empty }: ChartCardProps) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId} h="100%">
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={2} size="h4" id={headingId}>
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </Stack>
        {empty ? (
          <Text c="dimmed">{empty}</Text>
        ) : (
          <>
            {children}
            {table && (
              <details>
                <Text component="summary" size="sm" c="blue.9" style={{ cursor: 'pointer' }}>
                  {t('admin.analytics.showTable')}
                </Text>
                {table}
              </details>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
