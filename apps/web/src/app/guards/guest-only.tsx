import { Navigate, Outlet, useSearchParams } from 'react-router';
import { useCurrentUser } from '../../shared/auth/get-current-user.ts';
import { paths, safeNextPath } from '../../shared/routes.ts';

/**
 * Route element for login and registration: a signed-in user goes on to `?next=` (a path on
 * this site) or home. This is also how a successful login leaves the login page. While the
 * session is being checked, the page shows, so guests need not wait.
 */
export function GuestOnly() {
  const [searchParams] = useSearchParams();
  const user = useCurrentUser().data;
  if (user) {
    return <Navigate to={safeNextPath(searchParams.get('next')) ?? paths.home.getHref()} replace />;
  }
  return <Outlet />;
}
