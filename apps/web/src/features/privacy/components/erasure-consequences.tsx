import { List, SimpleGrid, Stack, Text } from '@mantine/core';
import { ERASED_USER_NAME, PRIVACY_LIMITS } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';

const DELETED = ['profile', 'contact', 'collections', 'notifications', 'exports', 'sessions'] as const;
const KEPT = ['ratings', 'chats', 'nanos', 'audit'] as const;

/** What an erasure deletes and what stays, anonymised, with the reason each stays. */
export function ErasureConsequences() {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = ERASED_USER_NAME[locale];
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {t('privacy.erasure.deletedTitle')}
          </Text>
          <List size="sm" spacing={4}>
            {DELETED.map((key) => (
              <List.Item key={key}>{t(`privacy.erasure.deleted.${key}`)}</List.Item>
            ))}
          </List>
        </Stack>
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {t('privacy.erasure.keptTitle')}
          </Text>
          <List size="sm" spacing={4}>
            {KEPT.map((key) => (
              <List.Item key={key}>{t(`privacy.erasure.kept.${key}`, { name })}</List.Item>
            ))}
          </List>
        </Stack>
      </SimpleGrid>
      <Text size="sm">{t('privacy.erasure.timing', { days: PRIVACY_LIMITS.erasureCancelDays })}</Text>
    </Stack>
  );
}
