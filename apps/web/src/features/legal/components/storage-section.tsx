import { Code, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The anchor of the cookie and storage notice on the privacy page (the footer links to it). */
export const STORAGE_ANCHOR = 'speicher';

/** Every cookie and browser storage entry the app sets; all are strictly necessary. */
const STORED_ITEMS = [
  { name: 'nm_access', kind: 'cookie', purpose: 'access' },
  { name: 'nm_refresh', kind: 'cookie', purpose: 'refresh' },
  { name: 'nm_2fa', kind: 'cookie', purpose: 'twoFactor' },
  { name: 'nm_csrf', kind: 'cookie', purpose: 'csrf' },
  { name: 'nm_vid', kind: 'cookie', purpose: 'visitor' },
  { name: 'nano.language', kind: 'localStorage', purpose: 'language' },
] as const;

/**
 * The cookie and storage notice: only strictly necessary cookies (sign-in, CSRF protection,
 * counting a view once) and the language choice, no tracking, no third parties, hence no
 * consent banner (§ 25 Abs. 2 TDDDG).
 */
export function StorageSection() {
  const { t } = useTranslation();
  return (
    <Paper
      component="section"
      id={STORAGE_ANCHOR}
      aria-labelledby="speicher-title"
      withBorder
      p="lg"
      radius="md"
    >
      <Stack gap="sm">
        <Title order={2} id="speicher-title">
          {t('legal.storage.title')}
        </Title>
        <Text>{t('legal.storage.intro')}</Text>
        <Table.ScrollContainer minWidth={480}>
          <Table withTableBorder>
            <Table.Caption>{t('legal.storage.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('legal.storage.name')}</Table.Th>
                <Table.Th scope="col">{t('legal.storage.kind')}</Table.Th>
                <Table.Th scope="col">{t('legal.storage.purpose')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {STORED_ITEMS.map((item) => (
                <Table.Tr key={item.name}>
                  <Table.Td>
                    <Code>{item.name}</Code>
                  </Table.Td>
                  <Table.Td>{t(`legal.storage.kinds.${item.kind}`)}</Table.Td>
                  <Table.Td>{t(`legal.storage.purposes.${item.purpose}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Text>{t('legal.storage.noBanner')}</Text>
      </Stack>
    </Paper>
  );
}
