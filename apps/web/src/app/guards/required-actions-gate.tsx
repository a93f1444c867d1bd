import { Navigate, Outlet, useLocation } from 'react-router';
import { useCurrentUser } from '../../shared/auth/get-current-user.ts';
import { paths } from '../../shared/routes.ts';

/**
 * Around every page: while the signed-in user must change the password (first staff login)
 * or must enrol in 2FA (staff without it), every address leads to that page first.
 */
export function RequiredActionsGate() {
  const { pathname } = useLocation();
  const user = useCurrentUser().data;
  const required = user?.mustChangePassword
    ? paths.requiredPasswordChange.getHref()
    : user?.mustEnrollTwoFactor
      ? paths.requiredTwoFactor.getHref()
      : undefined;
  if (required && pathname !== required) {
    return <Navigate to={required} replace />;
  }
  return <Outlet />;
}
