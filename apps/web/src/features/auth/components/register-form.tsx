import { Anchor, Button, Checkbox, PasswordInput, Stack, TextInput, VisuallyHidden } from '@mantine/core';
import { IDENTITY_LIMITS, registerRequestSchema } from '@nano/contracts';
import type { ReactElement } from 'react';
import { useWatch } from 'react-hook-form';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { applyServerErrors } from '../../../shared/forms/apply-server-errors.ts';
import { useZodForm } from '../../../shared/forms/use-zod-form.ts';
import { currentLocale } from '../../../shared/i18n/i18n.ts';
import { paths } from '../../../shared/routes.ts';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { PasswordStrengthMeter } from '../../../shared/ui/password-strength-meter.tsx';
import { useRegister } from '../api/register.ts';

const FIELDS = ['email', 'username', 'displayName', 'password', 'acceptTerms', 'acceptPrivacy'] as const;

/** A link in a checkbox label; opens in a new tab so the half-filled form stays. */
function LegalLink({ to, children }: { to: string; children?: ReactElement | string }) {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to={to} target="_blank" rel="noopener" inherit>
      {children}
      <VisuallyHidden> ({t('app.opensInNewTab')})</VisuallyHidden>
    </Anchor>
  );
}

/** Email, username, display name and password, checked live by the shared schema; terms and privacy consent. */
export function RegisterForm({ onRegistered }: { onRegistered: (email: string) => void }) {
  const { t } = useTranslation();
  const registration = useRegister();
  const form = useZodForm(registerRequestSchema, {
    defaultValues: {
      email: '',
      username: '',
      displayName: '',
      password: '',
      acceptNotificationEmails: false,
    },
  });
  const { errors } = form.formState;
  const password = useWatch({ control: form.control, name: 'password' }) ?? '';

  return (
    <form
      noValidate
      aria-label={t('auth.register.title')}
      onSubmit={form.handleSubmit((values) =>
        registration.mutate(
          { ...values, locale: currentLocale() },
          {
            onSuccess: () => onRegistered(values.email),
            onError: (error) => applyServerErrors(form, error, FIELDS),
          },
        ),
      )}
    >
      <Stack gap="md">
        <FormErrorAlert error={registration.error} />
        <TextInput
          label={t('auth.fields.email')}
          type="email"
          autoComplete="email"
          required
          maxLength={IDENTITY_LIMITS.emailMax}
          error={errors.email?.message}
          {...form.register('email')}
        />
        <TextInput
          label={t('auth.fields.username')}
          description={t('auth.register.usernameHint', {
            min: IDENTITY_LIMITS.usernameMin,
            max: IDENTITY_LIMITS.usernameMax,
          })}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          maxLength={IDENTITY_LIMITS.usernameMax}
          error={errors.username?.message}
          {...form.register('username')}
        />
        <TextInput
          label={t('auth.fields.displayName')}
          description={t('auth.register.displayNameHint')}
          autoComplete="name"
          required
          maxLength={IDENTITY_LIMITS.displayNameMax}
          error={errors.displayName?.message}
          {...form.register('displayName')}
        />
        <Stack gap="xs">
          <PasswordInput
            label={t('auth.fields.password')}
            description={t('password.hint', { min: IDENTITY_LIMITS.passwordMin })}
            autoComplete="new-password"
            required
            maxLength={IDENTITY_LIMITS.passwordMax}
            error={errors.password?.message}
            visibilityToggleButtonProps={{ 'aria-label': t('password.toggleVisibility') }}
            {...form.register('password')}
          />
          <PasswordStrengthMeter password={password} />
        </Stack>
        <Checkbox
          label={
            <Trans
              i18nKey="auth.register.acceptTerms"
              components={{ legal: <LegalLink to={paths.terms.getHref()} /> }}
            />
          }
          error={errors.acceptTerms && t('auth.register.acceptTermsRequired')}
          {...form.register('acceptTerms')}
        />
        <Checkbox
          label={
            <Trans
              i18nKey="auth.register.acceptPrivacy"
              components={{ legal: <LegalLink to={paths.privacy.getHref()} /> }}
            />
          }
          error={errors.acceptPrivacy && t('auth.register.acceptPrivacyRequired')}
          {...form.register('acceptPrivacy')}
        />
        <Checkbox
          label={t('privacy.register.notificationEmails')}
          description={t('privacy.register.notificationEmailsHint')}
          {...form.register('acceptNotificationEmails')}
        />
        <Button type="submit" loading={registration.isPending} fullWidth>
          {t('auth.register.submit')}
        </Button>
      </Stack>
    </form>
  );
}
