import { Badge, Table, Text } from '@mantine/core';
import type { ConsentRecord } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatDateTime } from '../../../shared/nanos/format.ts';

/** Every consent given or withdrawn, newest first: type, text version, given/withdrawn, date, source. */
export function ConsentHistoryTable({ history }: { history: readonly ConsentRecord[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (history.length === 0) {
    return <Text size="sm">{t('privacy.history.empty')}</Text>;
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped withTableBorder>
        <Table.Caption>{t('privacy.history.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('privacy.history.type')}</Table.Th>
            <Table.Th scope="col">{t('privacy.history.version')}</Table.Th>
            <Table.Th scope="col">{t('privacy.history.state')}</Table.Th>
            <Table.Th scope="col">{t('privacy.history.at')}</Table.Th>
            <Table.Th scope="col">{t('privacy.history.source')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {history.map((record) => (
            <Table.Tr key={record.id}>
              <Table.Td>{t(`privacy.consents.types.${record.type}`)}</Table.Td>
              <Table.Td>{record.textVersion}</Table.Td>
              <Table.Td>
                <Badge color={record.given ? 'teal.9' : 'gray.8'} variant="filled">
                  {record.given ? t('privacy.history.given') : t('privacy.history.withdrawn')}
                </Badge>
              </Table.Td>
              <Table.Td>{formatDateTime(record.at, locale)}</Table.Td>
              <Table.Td>{t(`privacy.history.sources.${record.source}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
