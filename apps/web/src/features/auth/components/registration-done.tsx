import { Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../shared/routes.ts';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { SuccessAlert } from '../../../shared/ui/success-alert.tsx';
import { useFocusOnMount } from '../../../shared/ui/use-focus-on-mount.ts';
import { useResendVerification } from '../api/resend-verification.ts';

/** After registering: where the verification link went, and a way to have it sent again. */
export function RegistrationDone({ email }: { email: string }) {
  const { t } = useTranslation();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const resend = useResendVerification();
  return (
    <Stack gap="md" align="flex-start">
      <Title order={2} size="h3" ref={headingRef} tabIndex={-1}>
        {t('auth.register.checkInbox')}
      </Title>
      <Text>{t('auth.register.checkInboxText', { email })}</Text>
      <Text size="sm" c="dimmed">
        {t('auth.register.noMail')}
      </Text>
      <FormErrorAlert error={resend.error} />
      {resend.isSuccess ? (
        <SuccessAlert title={t('auth.resend.sentTitle')}>{t('auth.resend.sentText')}</SuccessAlert>
      ) : (
        <Button variant="default" loading={resend.isPending} onClick={() => resend.mutate(email)}>
          {t('auth.resend.submit')}
        </Button>
      )}
      <Anchor component={Link} to={paths.login.getHref()}>
        {t('auth.register.toLogin')}
      </Anchor>
    </Stack>
  );
}
