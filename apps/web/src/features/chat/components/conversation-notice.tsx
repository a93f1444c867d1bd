import { Text } from '@mantine/core';
import type { ChatSession } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert, ProblemAlert } from '../../../shared/ui/form-error-alert.tsx';
import { InfoAlert } from '../../../shared/ui/info-alert.tsx';
import { RealtimeStatusNotice } from './realtime-status-notice.tsx';

interface ConversationNoticeProps {
  chat: ChatSession;
  /** A failed change of the session (muting). */
  error: Error | null;
}

/**
 * What the participant must know above the message field: the session was disabled (with the
 * moderator's reason; no field then), it is archived (a message reopens it), they cannot send,
 * or the connection is down (new messages are polled).
 */
export function ConversationNotice({ chat, error }: ConversationNoticeProps) {
  const { t } = useTranslation();
  return (
    <>
      <FormErrorAlert error={error} />
      {chat.status === 'disabled' && (
        <ProblemAlert title={t('chat.conversation.disabledTitle')}>
          <Text size="sm">
            {chat.disabledReason
              ? t('chat.conversation.disabledReason', { reason: chat.disabledReason })
              : t('chat.conversation.disabledText')}
          </Text>
        </ProblemAlert>
      )}
      {chat.status === 'archived' && chat.canSend && (
        <Text size="sm" c="dimmed" role="note">
          {t('chat.conversation.archived')}
        </Text>
      )}
      {chat.status !== 'disabled' && !chat.canSend && (
        <InfoAlert title={t('chat.conversation.cannotSendTitle')}>
          {t('chat.conversation.cannotSend')}
        </InfoAlert>
      )}
      <RealtimeStatusNotice />
    </>
  );
}
