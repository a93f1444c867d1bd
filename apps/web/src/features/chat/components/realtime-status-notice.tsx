import { Text } from '@mantine/core';
import { CHAT_LIMITS } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { useRealtime } from '../../../shared/realtime/realtime-provider.tsx';

/**
 * A quiet line while the live connection keeps failing: new messages are fetched every 10 s
 * meanwhile. Nothing while online or (re)connecting, so a page load does not flicker.
 */
export function RealtimeStatusNotice() {
  const { t } = useTranslation();
  const { status } = useRealtime();
  if (status !== 'polling') {
    return null;
  }
  return (
    <Text size="sm" c="dimmed" role="status">
      {t('chat.realtime.polling', { seconds: CHAT_LIMITS.pollSeconds })}
    </Text>
  );
}
