import { Anchor, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../shared/routes.ts';
import { AuthPageLayout } from './auth-page-layout.tsx';
import { RegisterForm } from './register-form.tsx';
import { RegistrationDone } from './registration-done.tsx';

/** `/registrieren`: the sign-up form, then "check your inbox". */
export function RegisterPage() {
  const { t } = useTranslation();
  const [registeredEmail, setRegisteredEmail] = useState<string>();

  if (registeredEmail !== undefined) {
    return (
      <AuthPageLayout title={t('auth.register.doneTitle')}>
        <RegistrationDone email={registeredEmail} />
      </AuthPageLayout>
    );
  }

  return (
    <AuthPageLayout
      title={t('auth.register.title')}
      intro={t('auth.register.intro')}
      footer={
        <Text size="sm">
          {t('auth.register.haveAccount')}{' '}
          <Anchor component={Link} to={paths.login.getHref()}>
            {t('auth.register.toLogin')}
          </Anchor>
        </Text>
      }
    >
      <RegisterForm onRegistered={setRegisteredEmail} />
    </AuthPageLayout>
  );
}
