import { Anchor, Button, Stack, TextInput } from '@mantine/core';
import { emailRequestSchema, IDENTITY_LIMITS } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { applyServerErrors } from '../../../shared/forms/apply-server-errors.ts';
import { useZodForm } from '../../../shared/forms/use-zod-form.ts';
import { paths } from '../../../shared/routes.ts';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { SuccessAlert } from '../../../shared/ui/success-alert.tsx';
import { useRequestPasswordReset } from '../api/request-password-reset.ts';
import { AuthPageLayout } from './auth-page-layout.tsx';

/** `/passwort-vergessen`: asks for a reset link; says the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const form = useZodForm(emailRequestSchema, { defaultValues: { email: '' } });
  const { errors } = form.formState;

  return (
    <AuthPageLayout
      title={t('auth.forgotPassword.title')}
      intro={t('auth.forgotPassword.intro')}
      footer={
        <Anchor component={Link} to={paths.login.getHref()} size="sm">
          {t('auth.backToLogin')}
        </Anchor>
      }
    >
      {request.isSuccess ? (
        <SuccessAlert title={t('auth.forgotPassword.sentTitle')}>
          {t('auth.forgotPassword.sentText')}
        </SuccessAlert>
      ) : (
        <form
          noValidate
          aria-label={t('auth.forgotPassword.title')}
          onSubmit={form.handleSubmit(({ email }) =>
            request.mutate(email, { onError: (error) => applyServerErrors(form, error, ['email']) }),
          )}
        >
          <Stack gap="md">
            <FormErrorAlert error={request.error} />
            <TextInput
              label={t('auth.fields.email')}
              type="email"
              autoComplete="email"
              required
              maxLength={IDENTITY_LIMITS.emailMax}
              error={errors.email?.message}
              {...form.register('email')}
            />
            <Button type="submit" loading={request.isPending} fullWidth>
              {t('auth.forgotPassword.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </AuthPageLayout>
  );
}
