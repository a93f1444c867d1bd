import { Container } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type Location, Navigate, type NavigateProps, Outlet, useLocation } from 'react-router';
import { type SignOutReason, signOutReasonOf, useCurrentUser } from '../../shared/auth/get-current-user.ts';
import { type LoginNotice, paths } from '../../shared/routes.ts';
import { ErrorAlert } from '../../shared/ui/error-alert.tsx';
import { PageLoader } from '../../shared/ui/page-loader.tsx';

/**
 * Where a guest on a page that needs login goes: after "log out" home, after "log out
 * everywhere" to the login page with a note, else (never signed in, session expired) to the
 * login page, coming back here afterwards.
 */
function guestDestination(reason: SignOutReason | undefined, location: Location): NavigateProps {
  const notice: LoginNotice = 'loggedOutEverywhere';
  switch (reason) {
    case 'self':
      return { to: paths.home.getHref() };
    case 'everywhere':
      return { to: paths.login.getHref(), state: { notice } };
    case undefined:
      return { to: paths.login.getHref(`${location.pathname}${location.search}${location.hash}`) };
  }
}

/** Route element for pages that need a signed-in user. */
export function RequireAuth() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const location = useLocation();
  const user = useCurrentUser();

  if (user.isPending) {
    return <PageLoader />;
  }
  if (user.isError) {
    return (
      <Container size="sm" py="xl">
        <ErrorAlert
          error={user.error}
          message={t('auth.sessionLoadError')}
          onRetry={() => void user.refetch()}
          retrying={user.isFetching}
        />
      </Container>
    );
  }
  if (!user.data) {
    return <Navigate {...guestDestination(signOutReasonOf(queryClient), location)} replace />;
  }
  return <Outlet />;
}
