import { Blockquote, Button, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { CHAT_LIMITS, type ChatMessage, FLAG_REASONS, type FlagReason } from '@nano/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/client.ts';
import { FormErrorAlert, ProblemAlert } from '../../../shared/ui/form-error-alert.tsx';
import { SuccessAlert } from '../../../shared/ui/success-alert.tsx';
import { useFlagMessage } from '../api/flag-message.ts';

/** The preview of the flagged message in the dialog is cut after this many characters. */
const PREVIEW_MAX = 200;

interface FlagMessageDialogProps {
  /** The message to flag; null while the dialog is closed. */
  message: ChatMessage | null;
  onClose: () => void;
}

function isFlagReason(value: string): value is FlagReason {
  return (FLAG_REASONS as readonly string[]).includes(value);
}

/**
 * "Nachricht melden": a reason (required) and an optional description go to the moderators.
 * Afterwards the dialog says so; a second flag of the same message is explained, not an error.
 */
export function FlagMessageDialog({ message, onClose }: FlagMessageDialogProps) {
  const { t } = useTranslation();
  const flag = useFlagMessage();
  const [reason, setReason] = useState<FlagReason | ''>('');
  const [description, setDescription] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const alreadyFlagged = flag.error instanceof ApiError && flag.error.status === 409;
  const tooLong = description.trim().length > CHAT_LIMITS.flagDescriptionMax;

  // The dialog keeps showing the last message while it fades out; a new one starts afresh.
  const [shown, setShown] = useState<ChatMessage | null>(message);
  const { reset } = flag;
  useEffect(() => {
    if (message) {
      setShown(message);
      reset();
      setReason('');
      setDescription('');
      setMissingReason(false);
    }
  }, [message, reset]);
  const close = onClose;

  const submit = () => {
    if (!shown || tooLong) {
      return;
    }
    if (!reason) {
      setMissingReason(true);
      return;
    }
    flag.mutate({ messageId: shown.id, body: { reason, description: description.trim() } });
  };

  const preview =
    shown && shown.text.length > PREVIEW_MAX ? `${shown.text.slice(0, PREVIEW_MAX)}…` : shown?.text;

  const renderBody = () => {
    if (flag.isSuccess) {
      return (
        <>
          <SuccessAlert title={t('chat.flag.done')}>{t('chat.flag.doneText')}</SuccessAlert>
          <Group justify="flex-end">
            <Button onClick={close}>{t('common.close')}</Button>
          </Group>
        </>
      );
    }
    if (alreadyFlagged) {
      return (
        <>
          <ProblemAlert title={t('chat.flag.already')}>
            <Text size="sm">{t('chat.flag.alreadyText')}</Text>
          </ProblemAlert>
          <Group justify="flex-end">
            <Button onClick={close}>{t('common.close')}</Button>
          </Group>
        </>
      );
    }
    return (
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t('chat.flag.intro')}</Text>
          {preview && (
            <Blockquote p="xs" color="gray" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {preview}
            </Blockquote>
          )}
          <FormErrorAlert error={flag.error} />
          <NativeSelect
            label={t('chat.flag.reason')}
            required
            data-autofocus
            value={reason}
            error={missingReason && !reason ? t('chat.flag.reasonMissing') : undefined}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setReason(isFlagReason(value) ? value : '');
            }}
            data={[
              { value: '', label: t('chat.flag.choose'), disabled: true },
              ...FLAG_REASONS.map((value) => ({ value, label: t(`chat.flag.reasons.${value}`) })),
            ]}
          />
          <Textarea
            label={t('chat.flag.description')}
            description={t('chat.flag.counter', {
              count: description.trim().length,
              max: CHAT_LIMITS.flagDescriptionMax,
            })}
            autosize
            minRows={3}
            maxRows={8}
            value={description}
            error={tooLong ? t('chat.flag.tooLong', { max: CHAT_LIMITS.flagDescriptionMax }) : undefined}
            onChange={(event) => setDescription(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={flag.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red.9" loading={flag.isPending} disabled={tooLong}>
              {t('chat.flag.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    );
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={message !== null}
      onClose={close}
      title={t('chat.flag.title')}
      centered
    >
      <Stack gap="md">{renderBody()}</Stack>
    </Modal>
  );
}
