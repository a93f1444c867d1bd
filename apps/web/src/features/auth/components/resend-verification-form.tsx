import { Button, Stack, TextInput } from '@mantine/core';
import { emailRequestSchema } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../../shared/forms/apply-server-errors.ts';
import { useZodForm } from '../../../shared/forms/use-zod-form.ts';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { SuccessAlert } from '../../../shared/ui/success-alert.tsx';
import { useResendVerification } from '../api/resend-verification.ts';

/** "Send the verification link again", for a known or a typed-in address. */
export function ResendVerificationForm({ defaultEmail = '' }: { defaultEmail?: string }) {
  const { t } = useTranslation();
  const resend = useResendVerification();
  const form = useZodForm(emailRequestSchema, { defaultValues: { email: defaultEmail } });
  const { errors } = form.formState;

  if (resend.isSuccess) {
    return <SuccessAlert title={t('auth.resend.sentTitle')}>{t('auth.resend.sentText')}</SuccessAlert>;
  }

  return (
    <form
      noValidate
      onSubmit={form.handleSubmit(({ email }) =>
        resend.mutate(email, { onError: (error) => applyServerErrors(form, error, ['email']) }),
      )}
    >
      <Stack gap="sm">
        <FormErrorAlert error={resend.error} />
        <TextInput
          label={t('auth.fields.email')}
          type="email"
          autoComplete="email"
          error={errors.email?.message}
          {...form.register('email')}
        />
        <Button
          type="submit"
          variant="default"
          loading={resend.isPending}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('auth.resend.submit')}
        </Button>
      </Stack>
    </form>
  );
}
