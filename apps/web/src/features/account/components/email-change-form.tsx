import { Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { emailChangeRequestSchema, IDENTITY_LIMITS } from '@nano/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../../shared/forms/apply-server-errors.ts';
import { useZodForm } from '../../../shared/forms/use-zod-form.ts';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { SuccessAlert } from '../../../shared/ui/success-alert.tsx';
import { useChangeEmail } from '../api/change-email.ts';

const EMPTY = { newEmail: '', password: '' };

/** New address and password; the change takes effect once the link sent to the new address is opened. */
export function EmailChangeForm({ currentEmail }: { currentEmail: string }) {
  const { t } = useTranslation();
  const change = useChangeEmail();
  const [requestedEmail, setRequestedEmail] = useState<string>();
  const form = useZodForm(emailChangeRequestSchema, { defaultValues: EMPTY });
  const { errors } = form.formState;

  return (
    <form
      noValidate
      aria-label={t('account.email.title')}
      onSubmit={form.handleSubmit((values) =>
        change.mutate(values, {
          onSuccess: () => {
            setRequestedEmail(values.newEmail);
            form.reset(EMPTY);
          },
          onError: (error) => applyServerErrors(form, error, ['newEmail', 'password']),
        }),
      )}
    >
      <Stack gap="md">
        <Text size="sm">{t('account.email.current', { email: currentEmail })}</Text>
        <FormErrorAlert error={change.error} />
        {change.isSuccess && requestedEmail && (
          <SuccessAlert title={t('account.email.requestedTitle')}>
            {t('account.email.requestedText', { email: requestedEmail, current: currentEmail })}
          </SuccessAlert>
        )}
        <TextInput
          label={t('auth.fields.newEmail')}
          type="email"
          autoComplete="email"
          required
          maxLength={IDENTITY_LIMITS.emailMax}
          error={errors.newEmail?.message}
          {...form.register('newEmail')}
        />
        <PasswordInput
          label={t('auth.fields.currentPassword')}
          autoComplete="current-password"
          required
          maxLength={IDENTITY_LIMITS.passwordMax}
          error={errors.password?.message}
          visibilityToggleButtonProps={{ 'aria-label': t('password.toggleVisibility') }}
          {...form.register('password')}
        />
        <Group>
          <Button type="submit" loading={change.isPending}>
            {t('account.email.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
