import { Box, Stack, Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../api/get-audit-log.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A detail value as text: "–" for nothing, text as it is, a list joined with commas, a flat
 * object as "key: value; …" (e.g. a category's names), anything deeper as JSON.
 */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') {
    return '–';
  }
  if (typeof value === 'string') {
    return value;
  }
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null)) {
    return value.length === 0 ? '–' : value.map((item) => formatValue(item)).join(', ');
  }
  if (isRecord(value) && Object.values(value).every((item) => typeof item !== 'object' || item === null)) {
    return Object.entries(value)
      .map(([key, item]) => `${key}: ${formatValue(item)}`)
      .join('; ');
  }
  return JSON.stringify(value);
}

/** One row per field that has a before or an after value; a plain value is one unnamed row. */
function changeRows(
  before: unknown,
  after: unknown,
): Array<{ field: string; before: unknown; after: unknown }> {
  if (isRecord(before) || isRecord(after)) {
    const from = isRecord(before) ? before : {};
    const to = isRecord(after) ? after : {};
    const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])];
    return fields.map((field) => ({ field, before: from[field], after: to[field] }));
  }
  return [{ field: '', before, after }];
}

function ChangesTable({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const rows = changeRows(before, after);
  return (
    <Table withTableBorder withColumnBorders verticalSpacing={4} fz="sm" captionSide="top">
      <Table.Caption>{t('admin.audit.changesCaption')}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('admin.audit.field')}</Table.Th>
          <Table.Th scope="col">{t('admin.audit.before')}</Table.Th>
          <Table.Th scope="col">{t('admin.audit.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => {
          const changed = JSON.stringify(row.before) !== JSON.stringify(row.after);
          return (
            <Table.Tr key={row.field || 'value'} data-changed={changed}>
              <Table.Th scope="row" fw={500}>
                {row.field || t('admin.audit.value')}
              </Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                {changed ? <del>{formatValue(row.before)}</del> : formatValue(row.before)}
              </Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }} fw={changed ? 600 : undefined}>
                {changed ? (
                  <ins style={{ textDecoration: 'none' }}>{formatValue(row.after)}</ins>
                ) : (
                  formatValue(row.after)
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/** An event's extra facts: the before/after values as a table, everything else as named values. */
export function AuditDetails({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const { before, after, ...rest } = event.details;
  const hasChanges = before !== undefined || after !== undefined;
  const others = Object.entries(rest);
  return (
    <Stack gap="sm" py="xs">
      {hasChanges && <ChangesTable before={before} after={after} />}
      {others.length > 0 && (
        <Box
          component="dl"
          m={0}
          fz="sm"
          style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 12, rowGap: 4 }}
        >
          {others.map(([key, value]) => (
            <Fragment key={key}>
              <Text component="dt" size="sm" fw={500}>
                {key}
              </Text>
              <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
                {formatValue(value)}
              </Text>
            </Fragment>
          ))}
        </Box>
      )}
      {!hasChanges && others.length === 0 && <Text size="sm">{t('admin.audit.noDetails')}</Text>}
      {event.userAgent && (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t('admin.audit.userAgent')}: {event.userAgent}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t('admin.audit.seq', { seq: event.seq })}
      </Text>
    </Stack>
  );
}
