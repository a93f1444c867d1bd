import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { IDENTITY_LIMITS, passwordChangeRequestSchema } from '@nano/contracts';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../../shared/forms/apply-server-errors.ts';
import { useZodForm } from '../../../shared/forms/use-zod-form.ts';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { PasswordStrengthMeter } from '../../../shared/ui/password-strength-meter.tsx';
import { SuccessAlert } from '../../../shared/ui/success-alert.tsx';
import { useChangePassword } from '../api/change-password.ts';

const EMPTY = { currentPassword: '', newPassword: '' };

/** Current and new password; used in the Sicherheit tab and on the forced change page. */
export function PasswordChangeForm({ onChanged }: { onChanged?: () => void }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const form = useZodForm(passwordChangeRequestSchema, { defaultValues: EMPTY });
  const { errors } = form.formState;
  const newPassword = useWatch({ control: form.control, name: 'newPassword' }) ?? '';

  return (
    <form
      noValidate
      aria-label={t('account.password.title')}
      onSubmit={form.handleSubmit((values) =>
        change.mutate(values, {
          onSuccess: () => {
            form.reset(EMPTY);
            onChanged?.();
          },
          onError: (error) => applyServerErrors(form, error, ['currentPassword', 'newPassword']),
        }),
      )}
    >
      <Stack gap="md">
        <FormErrorAlert error={change.error} />
        {change.isSuccess && <SuccessAlert title={t('account.password.changed')} />}
        <PasswordInput
          label={t('auth.fields.currentPassword')}
          autoComplete="current-password"
          required
          maxLength={IDENTITY_LIMITS.passwordMax}
          error={errors.currentPassword?.message}
          visibilityToggleButtonProps={{ 'aria-label': t('password.toggleVisibility') }}
          {...form.register('currentPassword')}
        />
        <Stack gap="xs">
          <PasswordInput
            label={t('auth.fields.newPassword')}
            description={t('password.hint', { min: IDENTITY_LIMITS.passwordMin })}
            autoComplete="new-password"
            required
            maxLength={IDENTITY_LIMITS.passwordMax}
            error={errors.newPassword?.message}
            visibilityToggleButtonProps={{ 'aria-label': t('password.toggleVisibility') }}
            {...form.register('newPassword')}
          />
          <PasswordStrengthMeter password={newPassword} />
        </Stack>
        <Group>
          <Button type="submit" loading={change.isPending}>
            {t('account.password.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
