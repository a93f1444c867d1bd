import { Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useCurrentUser } from '../../../shared/auth/get-current-user.ts';
import { paths } from '../../../shared/routes.ts';
import { PasswordChangeForm } from './password-change-form.tsx';

/**
 * `/passwort-aendern`: where every page leads while `mustChangePassword` is set (e.g. the
 * first login of staff with an initial password). Once changed, on to the home page.
 */
export function RequiredPasswordChangePage() {
  const { t } = useTranslation();
  const user = useCurrentUser().data;
  useDocumentTitle(t('app.documentTitle', { page: t('account.required.passwordTitle') }));

  if (user && !user.mustChangePassword) {
    return <Navigate to={paths.home.getHref()} replace />;
  }
  return (
    <Container size={560} py="xl">
      <Stack gap="lg">
        <Stack gap="xs">
          <Title order={1} size="h2">
            {t('account.required.passwordTitle')}
          </Title>
          <Text>{t('account.required.passwordIntro')}</Text>
        </Stack>
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
          <PasswordChangeForm />
        </Paper>
      </Stack>
    </Container>
  );
}
