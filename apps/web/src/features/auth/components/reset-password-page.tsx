import { Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { IDENTITY_LIMITS, passwordResetConfirmSchema } from '@nano/contracts';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../../shared/api/client.ts';
import { applyServerErrors } from '../../../shared/forms/apply-server-errors.ts';
import { useZodForm } from '../../../shared/forms/use-zod-form.ts';
import { type LoginNotice, paths } from '../../../shared/routes.ts';
import { FormErrorAlert, ProblemAlert } from '../../../shared/ui/form-error-alert.tsx';
import { PasswordStrengthMeter } from '../../../shared/ui/password-strength-meter.tsx';
import { useConfirmPasswordReset } from '../api/confirm-password-reset.ts';
import { AuthPageLayout } from './auth-page-layout.tsx';

function RequestNewLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to={paths.forgotPassword.getHref()}>
      {t('auth.resetPassword.requestNewLink')}
    </Anchor>
  );
}

function ResetPasswordForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const confirm = useConfirmPasswordReset();
  const form = useZodForm(passwordResetConfirmSchema, { defaultValues: { token, newPassword: '' } });
  const { errors } = form.formState;
  const newPassword = useWatch({ control: form.control, name: 'newPassword' }) ?? '';
  const tokenRejected = confirm.error instanceof ApiError && confirm.error.code === 'token_invalid';

  return (
    <form
      noValidate
      aria-label={t('auth.resetPassword.title')}
      onSubmit={form.handleSubmit((values) =>
        confirm.mutate(values, {
          onSuccess: () => {
            const notice: LoginNotice = 'passwordReset';
            void navigate(paths.login.getHref(), { replace: true, state: { notice } });
          },
          onError: (error) => applyServerErrors(form, error, ['newPassword']),
        }),
      )}
    >
      <Stack gap="md">
        <FormErrorAlert error={confirm.error}>{tokenRejected && <RequestNewLink />}</FormErrorAlert>
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
        <Button type="submit" loading={confirm.isPending} fullWidth>
          {t('auth.resetPassword.submit')}
        </Button>
      </Stack>
    </form>
  );
}

/** `/passwort-zuruecksetzen?token=…`: the target of the reset email; sets a new password, then on to login. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token');

  return (
    <AuthPageLayout
      title={t('auth.resetPassword.title')}
      intro={token ? t('auth.resetPassword.intro') : undefined}
      footer={
        <Anchor component={Link} to={paths.login.getHref()} size="sm">
          {t('auth.backToLogin')}
        </Anchor>
      }
    >
      {token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <ProblemAlert title={t('auth.resetPassword.missingToken')}>
          <RequestNewLink />
        </ProblemAlert>
      )}
    </AuthPageLayout>
  );
}
