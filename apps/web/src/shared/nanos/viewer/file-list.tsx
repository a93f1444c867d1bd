import { Table, Text } from '@mantine/core';
import type { NanoFile } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/use-locale.ts';
import { formatBytes } from '../format.ts';

/** Every file of a version: path, type and size. */
export function FileList({ files, caption }: { files: NanoFile[]; caption: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table striped verticalSpacing={4} fz="sm">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('viewer.fileColumn')}</Table.Th>
            <Table.Th scope="col">{t('viewer.typeColumn')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('viewer.sizeColumn')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {files.map((file) => (
            <Table.Tr key={file.path}>
              <Table.Td>
                <Text size="sm" style={{ wordBreak: 'break-all' }}>
                  {file.path}
                </Text>
              </Table.Td>
              <Table.Td>{file.mimeType.split(';')[0]}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatBytes(file.size, locale)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
