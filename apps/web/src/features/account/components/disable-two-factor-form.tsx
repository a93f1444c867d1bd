import { Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IDENTITY_LIMITS, twoFactorDisableRequestSchema } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../../shared/forms/apply-server-errors.ts';
import { useZodForm } from '../../../shared/forms/use-zod-form.ts';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { useDisableTwoFactor } from '../api/disable-two-factor.ts';

/** Turning 2FA off: needs the password and a current code. */
export function DisableTwoFactorForm({ onDisabled }: { onDisabled: () => void }) {
  const { t } = useTranslation();
  const disable = useDisableTwoFactor();
  const form = useZodForm(twoFactorDisableRequestSchema, { defaultValues: { password: '', code: '' } });
  const { errors } = form.formState;

  return (
    <form
      noValidate
      aria-label={t('account.twoFactor.disableTitle')}
      onSubmit={form.handleSubmit((values) =>
        disable.mutate(values, {
          onSuccess: onDisabled,
          onError: (error) => applyServerErrors(form, error, ['password', 'code']),
        }),
      )}
    >
      <Stack gap="sm" maw={360}>
        <FormErrorAlert error={disable.error} />
        <PasswordInput
          label={t('auth.fields.currentPassword')}
          autoComplete="current-password"
          required
          maxLength={IDENTITY_LIMITS.passwordMax}
          error={errors.password?.message}
          visibilityToggleButtonProps={{ 'aria-label': t('password.toggleVisibility') }}
          {...form.register('password')}
        />
        <TextInput
          label={t('auth.twoFactor.codeLabel')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={IDENTITY_LIMITS.totpCodeLength}
          required
          error={errors.code?.message}
          {...form.register('code')}
        />
        <Group>
          <Button type="submit" color="red" loading={disable.isPending}>
            {t('account.twoFactor.disable')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
