import { Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { currentUserQueryKey, useCurrentUser } from '../../../shared/auth/get-current-user.ts';
import { paths } from '../../../shared/routes.ts';
import { TwoFactorEnrolment } from './two-factor-enrolment.tsx';

/**
 * `/zwei-faktor-einrichten`: where every page leads while `mustEnrollTwoFactor` is set
 * (moderators and admins without 2FA). Done once the backup codes are confirmed as saved.
 */
export function RequiredTwoFactorPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const user = useCurrentUser().data;
  useDocumentTitle(t('app.documentTitle', { page: t('account.required.twoFactorTitle') }));

  if (user && !user.mustEnrollTwoFactor) {
    return <Navigate to={paths.home.getHref()} replace />;
  }
  return (
    <Container size="md" py="xl">
      <Stack gap="lg">
        <Stack gap="xs">
          <Title order={1} size="h2">
            {t('account.required.twoFactorTitle')}
          </Title>
          <Text>{t('account.required.twoFactorIntro')}</Text>
        </Stack>
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
          <TwoFactorEnrolment
            onDone={() => void queryClient.invalidateQueries({ queryKey: currentUserQueryKey })}
          />
        </Paper>
      </Stack>
    </Container>
  );
}
