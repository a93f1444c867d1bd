import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { MODERATION_LIMITS, type ReasonCode, warnUserRequestSchema } from '@nano/contracts';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { applyServerErrors } from '../../../shared/forms/apply-server-errors.ts';
import { useZodForm } from '../../../shared/forms/use-zod-form.ts';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { useSuspendUser, useUnsuspendUser, useWarnUser } from '../api/user-actions.ts';
import { endOfLocalDay, localToday } from './admin-format.ts';
import { ReasonPicker } from './reason-picker.tsx';

interface DialogProps {
  userId: string;
  name: string;
  opened: boolean;
  onClose: () => void;
  /** After the action succeeded (the dialog closes itself). */
  onDone: () => void;
}

/** Warning and suspension share the statement of reasons; the suspension adds an optional end day. */
const sanctionFormSchema = warnUserRequestSchema.extend({ until: z.string() });
type SanctionFormValues = z.input<typeof sanctionFormSchema>;
type SanctionFormOutput = z.output<typeof sanctionFormSchema>;

const FIELDS = ['reasons', 'statement', 'until'] as const;

function SanctionForm({
  withUntil,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  withUntil: boolean;
  submitLabel: string;
  pending: boolean;
  error: Error | null;
  onSubmit: (
    values: { reasons: ReasonCode[]; statement: string; until?: string },
    setServerErrors: (error: unknown) => void,
  ) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const form = useZodForm<SanctionFormValues, SanctionFormOutput>(sanctionFormSchema, {
    defaultValues: { reasons: [], statement: '', until: '' },
  });
  const { errors } = form.formState;
  const statement = form.watch('statement') ?? '';
  const today = localToday();

  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((values) => {
        if (withUntil && values.until && values.until <= today) {
          form.setError(
            'until',
            { type: 'manual', message: t('admin.sanction.untilPast') },
            { shouldFocus: true },
          );
          return;
        }
        onSubmit(
          {
            reasons: values.reasons,
            statement: values.statement,
            ...(withUntil && values.until ? { until: endOfLocalDay(values.until) } : {}),
          },
          (failure) => applyServerErrors(form, failure, FIELDS),
        );
      })}
    >
      <Stack gap="md">
        <FormErrorAlert error={error} />
        {withUntil && (
          <TextInput
            type="date"
            label={t('admin.sanction.until')}
            description={t('admin.sanction.untilHint')}
            min={today}
            error={errors.until?.message}
            {...form.register('until')}
          />
        )}
        <Controller
          control={form.control}
          name="reasons"
          render={({ field }) => (
            <ReasonPicker
              value={field.value ?? []}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={errors.reasons?.message}
            />
          )}
        />
        <Textarea
          label={t('admin.sanction.statement')}
          description={t('admin.sanction.statementHint', {
            count: statement.length,
            max: MODERATION_LIMITS.statementMax,
          })}
          autosize
          minRows={4}
          maxRows={12}
          maxLength={MODERATION_LIMITS.statementMax}
          required
          error={errors.statement?.message}
          {...form.register('statement')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red.9" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "Verwarnen": rules and facts; the user gets the statement by email and may appeal. */
export function WarnDialog({ userId, name, opened, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const warn = useWarnUser();
  const close = () => {
    warn.reset();
    onClose();
  };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={close}
      title={t('admin.sanction.warnTitle', { name })}
      size="lg"
      centered
    >
      {opened && (
        <SanctionForm
          withUntil={false}
          submitLabel={t('admin.sanction.warnSubmit')}
          pending={warn.isPending}
          error={warn.error}
          onSubmit={({ reasons, statement }, setServerErrors) =>
            warn.mutate(
              { id: userId, body: { reasons, statement } },
              {
                onSuccess: () => {
                  close();
                  onDone();
                },
                onError: setServerErrors,
              },
            )
          }
          onCancel={close}
        />
      )}
    </Modal>
  );
}

/** "Sperren": until a day or until lifted; the user's sessions end at once. */
export function SuspendDialog({ userId, name, opened, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const suspend = useSuspendUser();
  const close = () => {
    suspend.reset();
    onClose();
  };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={close}
      title={t('admin.sanction.suspendTitle', { name })}
      size="lg"
      centered
    >
      {opened && (
        <SanctionForm
          withUntil
          submitLabel={t('admin.sanction.suspendSubmit')}
          pending={suspend.isPending}
          error={suspend.error}
          onSubmit={(body, setServerErrors) =>
            suspend.mutate(
              { id: userId, body },
              {
                onSuccess: () => {
                  close();
                  onDone();
                },
                onError: setServerErrors,
              },
            )
          }
          onCancel={close}
        />
      )}
    </Modal>
  );
}

/** "Sperre aufheben", with an optional note for the audit log. */
export function UnsuspendDialog({ userId, name, opened, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const unsuspend = useUnsuspendUser();
  const [note, setNote] = useState('');
  const close = () => {
    unsuspend.reset();
    setNote('');
    onClose();
  };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={close}
      title={t('admin.sanction.unsuspendTitle', { name })}
      centered
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          unsuspend.mutate(
            { id: userId, body: { note: note.trim() } },
            {
              onSuccess: () => {
                close();
                onDone();
              },
            },
          );
        }}
      >
        <Stack gap="md">
          <FormErrorAlert error={unsuspend.error} />
          <Textarea
            label={t('admin.sanction.unsuspendNote')}
            description={t('admin.sanction.unsuspendNoteHint')}
            autosize
            minRows={2}
            maxLength={MODERATION_LIMITS.noteMax}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={unsuspend.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={unsuspend.isPending}>
              {t('admin.sanction.unsuspendSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
