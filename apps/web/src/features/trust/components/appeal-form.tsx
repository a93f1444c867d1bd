import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { createAppealRequestSchema, MODERATION_LIMITS } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../../shared/forms/apply-server-errors.ts';
import { useZodForm } from '../../../shared/forms/use-zod-form.ts';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { useCreateAppeal } from '../api/create-appeal.ts';

const appealTextSchema = createAppealRequestSchema.pick({ text: true });

interface AppealFormProps {
  decisionId: string;
  /** Names the form for screen readers ("Einspruch gegen: Archiviert …"). */
  label: string;
  onCancel: () => void;
  onSent: () => void;
}

/** The appeal against one decision: the user's reasons, 10 to 5,000 characters, sent once. */
export function AppealForm({ decisionId, label, onCancel, onSent }: AppealFormProps) {
  const { t } = useTranslation();
  const appeal = useCreateAppeal();
  const form = useZodForm(appealTextSchema, { defaultValues: { text: '' } });
  const { errors } = form.formState;
  const length = form.watch('text').trim().length;

  return (
    <form
      noValidate
      aria-label={label}
      onSubmit={form.handleSubmit(({ text }) =>
        appeal.mutate(
          { decisionId, text },
          { onSuccess: onSent, onError: (error) => applyServerErrors(form, error, ['text']) },
        ),
      )}
    >
      <Stack gap="sm">
        <Text size="sm">{t('trust.appeal.formIntro')}</Text>
        <FormErrorAlert error={appeal.error} />
        <Textarea
          label={t('trust.appeal.text')}
          description={t('trust.counter', { count: length, max: MODERATION_LIMITS.appealTextMax })}
          required
          autosize
          minRows={4}
          maxRows={12}
          data-autofocus
          error={errors.text?.message}
          {...form.register('text')}
        />
        <Group gap="sm">
          <Button type="submit" loading={appeal.isPending}>
            {t('trust.appeal.submit')}
          </Button>
          <Button variant="default" onClick={onCancel} disabled={appeal.isPending}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
