import { Anchor, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { type LoginNotice, loginNoticeOf, paths } from '../../../shared/routes.ts';
import { SuccessAlert } from '../../../shared/ui/success-alert.tsx';
import { AuthPageLayout } from './auth-page-layout.tsx';
import { LoginForm } from './login-form.tsx';
import { TwoFactorForm } from './two-factor-form.tsx';

const NOTICES = {
  passwordReset: 'auth.login.noticePasswordReset',
  loggedOutEverywhere: 'auth.login.noticeLoggedOutEverywhere',
} as const satisfies Record<LoginNotice, string>;

/**
 * `/anmelden`: email or username and password, then — for accounts with 2FA — the code.
 * Once signed in, the guest-only route sends the user on to `?next=` (or home).
 */
export function LoginPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const [step, setStep] = useState<'credentials' | 'twoFactor'>('credentials');
  const notice = loginNoticeOf(location.state);

  if (step === 'twoFactor') {
    return (
      <AuthPageLayout title={t('auth.twoFactor.title')} intro={t('auth.twoFactor.intro')}>
        <TwoFactorForm onRestart={() => setStep('credentials')} />
      </AuthPageLayout>
    );
  }

  return (
    <AuthPageLayout
      title={t('auth.login.title')}
      footer={
        <Text size="sm">
          {t('auth.login.noAccount')}{' '}
          <Anchor component={Link} to={paths.register.getHref()}>
            {t('auth.login.toRegister')}
          </Anchor>
        </Text>
      }
    >
      {notice && <SuccessAlert title={t(NOTICES[notice])} />}
      <LoginForm onTwoFactorRequired={() => setStep('twoFactor')} />
    </AuthPageLayout>
  );
}
