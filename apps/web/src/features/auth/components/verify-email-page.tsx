import { Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../../shared/api/client.ts';
import { useCurrentUser } from '../../../shared/auth/get-current-user.ts';
import { paths } from '../../../shared/routes.ts';
import { FormErrorAlert, ProblemAlert } from '../../../shared/ui/form-error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { useFocusOnMount } from '../../../shared/ui/use-focus-on-mount.ts';
import { useVerifyEmail } from '../api/verify-email.ts';
import { AuthPageLayout } from './auth-page-layout.tsx';
import { ResendVerificationForm } from './resend-verification-form.tsx';

function Verified() {
  const { t } = useTranslation();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const signedIn = Boolean(useCurrentUser().data);
  return (
    <Stack gap="md" align="flex-start">
      <Title order={2} size="h3" ref={headingRef} tabIndex={-1}>
        {t('auth.verifyEmail.successTitle')}
      </Title>
      <Text>{signedIn ? t('auth.verifyEmail.successTextSignedIn') : t('auth.verifyEmail.successText')}</Text>
      {signedIn ? (
        <Button component={Link} to={paths.account.getHref()}>
          {t('auth.verifyEmail.toAccount')}
        </Button>
      ) : (
        <Button component={Link} to={paths.login.getHref()}>
          {t('auth.verifyEmail.toLogin')}
        </Button>
      )}
    </Stack>
  );
}

function LinkNotUsable({ error }: { error: Error | null }) {
  const { t } = useTranslation();
  const tokenRejected = error instanceof ApiError && error.code === 'token_invalid';
  return (
    <Stack gap="md">
      {error && !tokenRejected ? (
        <FormErrorAlert error={error} />
      ) : (
        <ProblemAlert title={t('auth.verifyEmail.invalidTitle')}>
          <Text size="sm">{t('auth.verifyEmail.invalidText')}</Text>
        </ProblemAlert>
      )}
      <Text>{t('auth.verifyEmail.resendIntro')}</Text>
      <ResendVerificationForm />
    </Stack>
  );
}

/**
 * `/email-bestaetigen?token=…`: where the links in verification emails (registration and
 * email change) land; confirms the address as soon as the page opens.
 */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token');
  const verify = useVerifyEmail();
  const { mutate } = verify;
  // A token works once: never send it twice, not even when Strict Mode runs effects twice.
  const sentToken = useRef<string | null>(null);

  useEffect(() => {
    if (token && sentToken.current !== token) {
      sentToken.current = token;
      mutate(token);
    }
  }, [token, mutate]);

  const renderContent = () => {
    if (!token || verify.isError) {
      return <LinkNotUsable error={verify.error} />;
    }
    if (verify.isSuccess) {
      return <Verified />;
    }
    return (
      <Stack gap="xs" align="center">
        <PageLoader />
        <Text>{t('auth.verifyEmail.pending')}</Text>
      </Stack>
    );
  };

  return (
    <AuthPageLayout
      title={t('auth.verifyEmail.title')}
      footer={
        <Anchor component={Link} to={paths.home.getHref()} size="sm">
          {t('notFound.home')}
        </Anchor>
      }
    >
      {renderContent()}
    </AuthPageLayout>
  );
}
