import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/api/client.ts';
import type { ConversationEntry } from './message-list-model.ts';

/** The tick after the time of an own message: ✓ stored and delivered, ✓✓ read by the other party. */
export function ReadTicks({ read }: { read: boolean }) {
  const { t } = useTranslation();
  const label = read ? t('chat.conversation.status.read') : t('chat.conversation.status.sent');
  return (
    <Text
      component="span"
      size="xs"
      fw={700}
      c={read ? 'blue.8' : 'dimmed'}
      role="img"
      aria-label={label}
      title={label}
      style={{ letterSpacing: -3, paddingRight: 3 }}
    >
      {read ? '✓✓' : '✓'}
    </Text>
  );
}

/** Why sending failed, in words: the rate limit with its wait, or the server's problem title. */
export function useSendErrorText(error: ApiError | null): string {
  const { t } = useTranslation();
  if (!error || error.status === 0) {
    return t('chat.conversation.sendFailed');
  }
  if (error.status === 429) {
    return error.retryAfterSeconds === null
      ? t('chat.conversation.rateLimitedSoon')
      : t('chat.conversation.rateLimited', { count: error.retryAfterSeconds });
  }
  return error.title;
}

/** The state of an own message after the time: ticks, "wird geprüft", "abgelehnt", "wird gesendet". */
export function OwnMessageState({ entry }: { entry: ConversationEntry }) {
  const { t } = useTranslation();
  if (entry.kind === 'outbox') {
    return entry.entry.state === 'sending' ? (
      <Text component="span" size="xs" c="dimmed">
        {t('chat.conversation.status.sending')}
      </Text>
    ) : null;
  }
  switch (entry.message.status) {
    case 'held':
      return (
        <Badge
          size="xs"
          tt="none"
          color="orange.9"
          variant="light"
          title={t('chat.conversation.status.heldHint')}
        >
          {t('chat.conversation.status.held')}
        </Badge>
      );
    case 'rejected':
      return (
        <Badge
          size="xs"
          tt="none"
          color="red.9"
          variant="light"
          title={t('chat.conversation.status.rejectedHint')}
        >
          {t('chat.conversation.status.rejected')}
        </Badge>
      );
    case 'visible':
      return <ReadTicks read={entry.read} />;
  }
}
