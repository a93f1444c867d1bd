import { Stack, Table, Text, Title } from '@mantine/core';
import type { ReviewDetail } from '@nano/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { metadataValueText } from './format.ts';

const FIELD_KEYS = [
  'title',
  'description',
  'durationMinutes',
  'level',
  'language',
  'format',
  'license',
  'licenseTerms',
  'tags',
  'categoryIds',
  'categories',
  'downloadAllowed',
] as const;
type FieldKey = (typeof FIELD_KEYS)[number];

function isFieldKey(field: string): field is FieldKey {
  return (FIELD_KEYS as readonly string[]).includes(field);
}

/** The old value struck through (red tint), the new one highlighted (green tint); both also in words. */
const BEFORE_STYLE = { background: 'var(--mantine-color-red-0)', textDecoration: 'line-through' } as const;
const AFTER_STYLE = { background: 'var(--mantine-color-teal-0)' } as const;

/**
 * "vorher → nachher" of every metadata field changed since the last approved version; for a
 * first submission a note that there is nothing to compare with.
 */
export function MetadataChanges({ detail }: { detail: ReviewDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const words = {
    empty: t('moderation.review.empty'),
    yes: t('moderation.review.yes'),
    no: t('moderation.review.no'),
  };
  const first = detail.queueType === 'new' || detail.nano.currentVersion === null;
  const fieldLabel = (field: string) => (isFieldKey(field) ? t(`moderation.review.fields.${field}`) : field);

  const renderContent = () => {
    if (detail.metadataChanges.length === 0) {
      return (
        <Text size="sm">
          {first ? t('moderation.review.firstSubmission') : t('moderation.review.noChanges')}
        </Text>
      );
    }
    return (
      <Table.ScrollContainer minWidth={520}>
        <Table verticalSpacing="xs" withTableBorder>
          <Table.Caption>{t('moderation.review.changesCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('moderation.review.field')}</Table.Th>
              <Table.Th scope="col">{t('moderation.review.before')}</Table.Th>
              <Table.Th scope="col">{t('moderation.review.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {detail.metadataChanges.map((change) => (
              <Table.Tr key={change.field} data-field={change.field}>
                <Table.Th scope="row">{fieldLabel(change.field)}</Table.Th>
                <Table.Td style={BEFORE_STYLE}>
                  <Text
                    component="del"
                    size="sm"
                    style={{ whiteSpace: 'pre-line', textDecoration: 'inherit' }}
                  >
                    {metadataValueText(change.before, words)}
                  </Text>
                </Table.Td>
                <Table.Td style={AFTER_STYLE}>
                  <Text
                    component="ins"
                    size="sm"
                    fw={600}
                    style={{ whiteSpace: 'pre-line', textDecoration: 'none' }}
                  >
                    {metadataValueText(change.after, words)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  };

  return (
    <Stack component="section" aria-labelledby={headingId} gap="sm">
      <Title order={2} id={headingId}>
        {t('moderation.review.changesTitle')}
      </Title>
      {renderContent()}
    </Stack>
  );
}
