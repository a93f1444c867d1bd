import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { CHAT_LIMITS } from '@nano/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';

interface ChatDisableDialogProps {
  /** Open while a session is to be disabled. */
  opened: boolean;
  onClose: () => void;
  /** Disables with the trimmed reason. */
  onConfirm: (reason: string) => void;
  pending: boolean;
  error: Error | null;
}

/** "Sitzung sperren": the reason both parties will read (required, at most `disableReasonMax`). */
export function ChatDisableDialog({ opened, onClose, onConfirm, pending, error }: ChatDisableDialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const length = reason.trim().length;
  const tooLong = length > CHAT_LIMITS.disableReasonMax;
  const missing = tried && length === 0;

  const close = () => {
    setReason('');
    setTried(false);
    onClose();
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={close}
      title={t('chat.moderation.disableTitle')}
      centered
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (length > 0 && !tooLong) {
            onConfirm(reason.trim());
          }
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t('chat.moderation.disableIntro')}</Text>
          <FormErrorAlert error={error} />
          <Textarea
            label={t('chat.moderation.disableReason')}
            description={t('chat.moderation.disableCounter', {
              count: length,
              max: CHAT_LIMITS.disableReasonMax,
            })}
            required
            data-autofocus
            autosize
            minRows={3}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={
              missing
                ? t('chat.moderation.disableMissing')
                : tooLong
                  ? t('chat.flag.tooLong', { max: CHAT_LIMITS.disableReasonMax })
                  : undefined
            }
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={pending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red.9" loading={pending}>
              {t('chat.moderation.disable')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
