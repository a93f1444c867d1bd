import { Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { FLAG_REASONS, type FlagReason, type FlagTargetType, MODERATION_LIMITS } from '@nano/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/client.ts';
import { FormErrorAlert, ProblemAlert } from '../../../shared/ui/form-error-alert.tsx';
import { SuccessAlert } from '../../../shared/ui/success-alert.tsx';
import { useCreateFlag } from '../api/create-flag.ts';

/** What is reported: its type, id and a name the dialog shows ("„Excel-Pivot“", "Anna Beispiel"). */
export interface FlagTarget {
  type: FlagTargetType;
  id: string;
  label: string;
}

interface FlagDialogProps {
  target: FlagTarget;
  opened: boolean;
  onClose: () => void;
}

function isFlagReason(value: string): value is FlagReason {
  return (FLAG_REASONS as readonly string[]).includes(value);
}

/**
 * "Melden": a reason (required) and an optional description go to the moderators. Afterwards
 * the dialog says so; a second report of the same target while the first is open is explained,
 * not shown as an error.
 */
export function FlagDialog({ target, opened, onClose }: FlagDialogProps) {
  const { t } = useTranslation();
  const flag = useCreateFlag();
  const [reason, setReason] = useState<FlagReason | ''>('');
  const [description, setDescription] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const alreadyFlagged = flag.error instanceof ApiError && flag.error.code === 'flag_exists';
  const length = description.trim().length;
  const tooLong = length > MODERATION_LIMITS.flagDescriptionMax;

  // Each opening starts afresh.
  const { reset } = flag;
  useEffect(() => {
    if (opened) {
      reset();
      setReason('');
      setDescription('');
      setMissingReason(false);
    }
  }, [opened, reset]);

  const submit = () => {
    if (tooLong) {
      return;
    }
    if (!reason) {
      setMissingReason(true);
      return;
    }
    flag.mutate({ targetType: target.type, targetId: target.id, reason, description: description.trim() });
  };

  const renderBody = () => {
    if (flag.isSuccess || alreadyFlagged) {
      return (
        <>
          {flag.isSuccess ? (
            <SuccessAlert title={t('trust.flag.done')}>{t('trust.flag.doneText')}</SuccessAlert>
          ) : (
            <ProblemAlert title={t('trust.flag.already')}>
              <Text size="sm">{t('trust.flag.alreadyText')}</Text>
            </ProblemAlert>
          )}
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('common.close')}</Button>
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
          <Text size="sm">{t('trust.flag.intro')}</Text>
          <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
            {t(`trust.flag.what.${target.type}`, { label: target.label })}
          </Text>
          <FormErrorAlert error={flag.error} />
          <Radio.Group
            label={t('trust.flag.reason')}
            required
            value={reason}
            onChange={(value) => setReason(isFlagReason(value) ? value : '')}
            error={missingReason && !reason ? t('trust.flag.reasonMissing') : undefined}
          >
            <Stack gap={6} mt={6}>
              {FLAG_REASONS.map((value, index) => (
                <Radio
                  key={value}
                  value={value}
                  label={t(`trust.flag.reasons.${value}`)}
                  data-autofocus={index === 0 ? true : undefined}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={t('trust.flag.description')}
            description={t('trust.counter', { count: length, max: MODERATION_LIMITS.flagDescriptionMax })}
            autosize
            minRows={3}
            maxRows={8}
            value={description}
            error={tooLong ? t('trust.tooLong', { max: MODERATION_LIMITS.flagDescriptionMax }) : undefined}
            onChange={(event) => setDescription(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={flag.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red.9" loading={flag.isPending} disabled={tooLong}>
              {t('trust.flag.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    );
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={onClose}
      title={t(`trust.flag.title.${target.type}`)}
      centered
    >
      <Stack gap="md">{renderBody()}</Stack>
    </Modal>
  );
}
