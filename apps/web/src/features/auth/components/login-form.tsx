import { Anchor, Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IDENTITY_LIMITS, loginRequestSchema } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../../shared/api/client.ts';
import { applyServerErrors } from '../../../shared/forms/apply-server-errors.ts';
import { useZodForm } from '../../../shared/forms/use-zod-form.ts';
import { paths } from '../../../shared/routes.ts';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { useLogin } from '../api/login.ts';
import { ResendVerificationForm } from './resend-verification-form.tsx';

/** The first login step. Offers to resend the verification link when the address is not confirmed yet. */
export function LoginForm({ onTwoFactorRequired }: { onTwoFactorRequired: () => void }) {
  const { t } = useTranslation();
  const login = useLogin();
  const form = useZodForm(loginRequestSchema, { defaultValues: { login: '', password: '' } });
  const { errors } = form.formState;
  const notVerified = login.error instanceof ApiError && login.error.code === 'email_not_verified';
  const typedLogin = form.getValues('login');

  return (
    <form
      noValidate
      aria-label={t('auth.login.title')}
      onSubmit={form.handleSubmit((values) =>
        login.mutate(values, {
          onSuccess: (response) => {
            if (response.twoFactorRequired) {
              onTwoFactorRequired();
            }
          },
          onError: (error) => {
            if (!applyServerErrors(form, error, ['login', 'password'])) {
              form.setFocus('password');
            }
          },
        }),
      )}
    >
      <Stack gap="md">
        <FormErrorAlert error={login.error}>
          {notVerified && (
            <ResendVerificationForm defaultEmail={typedLogin.includes('@') ? typedLogin.trim() : ''} />
          )}
        </FormErrorAlert>
        <TextInput
          label={t('auth.fields.login')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          maxLength={IDENTITY_LIMITS.emailMax}
          error={errors.login?.message}
          {...form.register('login')}
        />
        <Stack gap={4}>
          <PasswordInput
            label={t('auth.fields.password')}
            autoComplete="current-password"
            required
            maxLength={IDENTITY_LIMITS.passwordMax}
            error={errors.password?.message}
            visibilityToggleButtonProps={{ 'aria-label': t('password.toggleVisibility') }}
            {...form.register('password')}
          />
          <Group justify="flex-end">
            <Anchor component={Link} to={paths.forgotPassword.getHref()} size="sm">
              {t('auth.login.forgotPassword')}
            </Anchor>
          </Group>
        </Stack>
        <Button type="submit" loading={login.isPending} fullWidth>
          {t('auth.login.submit')}
        </Button>
      </Stack>
    </form>
  );
}
