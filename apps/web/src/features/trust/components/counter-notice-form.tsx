import { Button, Stack, Textarea } from '@mantine/core';
import { MODERATION_LIMITS, takedownResponseRequestSchema } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../../shared/forms/apply-server-errors.ts';
import { useZodForm } from '../../../shared/forms/use-zod-form.ts';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { useRespondToTakedown } from '../api/respond-to-takedown.ts';

interface CounterNoticeFormProps {
  nanoId: string;
  /** Names the form ("Stellungnahme zu „Excel-Pivot“"). */
  label: string;
  onSent: () => void;
}

/** The creator's counter-notice: why the use is lawful (own work, licence, quotation …). */
export function CounterNoticeForm({ nanoId, label, onSent }: CounterNoticeFormProps) {
  const { t } = useTranslation();
  const respond = useRespondToTakedown();
  const form = useZodForm(takedownResponseRequestSchema, { defaultValues: { text: '' } });
  const { errors } = form.formState;
  const length = form.watch('text').trim().length;
  return (
    <form
      noValidate
      aria-label={label}
      onSubmit={form.handleSubmit((body) =>
        respond.mutate(
          { nanoId, body },
          { onSuccess: onSent, onError: (error) => applyServerErrors(form, error, ['text']) },
        ),
      )}
    >
      <Stack gap="sm" align="flex-start">
        <FormErrorAlert error={respond.error} />
        <Textarea
          w="100%"
          label={t('trust.myTakedowns.response')}
          description={t('trust.counter', { count: length, max: MODERATION_LIMITS.takedownResponseMax })}
          required
          autosize
          minRows={4}
          maxRows={12}
          error={errors.text?.message}
          {...form.register('text')}
        />
        <Button type="submit" loading={respond.isPending}>
          {t('trust.myTakedowns.submit')}
        </Button>
      </Stack>
    </form>
  );
}
