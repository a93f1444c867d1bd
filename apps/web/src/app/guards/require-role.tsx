import { Anchor, Container, Stack, Text, Title } from '@mantine/core';
import type { Role } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { useCurrentUser } from '../../shared/auth/get-current-user.ts';
import { hasRole } from '../../shared/auth/roles.ts';
import { paths } from '../../shared/routes.ts';

/**
 * Route element (inside `RequireAuth`) for pages of some roles only: everyone else reads why,
 * and a consumer on a creator page is shown how to become a creator. The server checks again.
 */
export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  const user = useCurrentUser().data;
  if (hasRole(user, roles)) {
    return <Outlet />;
  }
  const creatorPage = roles.includes('creator');
  const adminPage = !creatorPage && !roles.includes('moderator');
  return (
    <Container size="sm" py="xl">
      <Stack gap="md" align="flex-start">
        <Title order={1}>{t('forbidden.title')}</Title>
        <Text>
          {t(
            creatorPage ? 'forbidden.creatorText' : adminPage ? 'forbidden.adminText' : 'forbidden.staffText',
          )}
        </Text>
        {creatorPage && user?.role === 'consumer' ? (
          <Anchor component={Link} to={paths.becomeCreator.getHref()}>
            {t('forbidden.becomeCreator')}
          </Anchor>
        ) : (
          <Anchor component={Link} to={paths.home.getHref()}>
            {t('notFound.home')}
          </Anchor>
        )}
      </Stack>
    </Container>
  );
}
