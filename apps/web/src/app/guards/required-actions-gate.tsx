import { Navigate, Outlet, useLocation } from 'react-router';
import { useCurrentUser } from '../../shared/auth/get-current-user.ts';
import { paths } from '../../shared/routes.ts';

/** Pages open while the user has legal documents to accept: the documents themselves (to read them first). */
const LEGAL_PAGES = new Set<string>([
  paths.legalAcceptance.path,
  paths.privacy.path,
  paths.terms.path,
  paths.imprint.path,
]);

/**
 * Around every page: while the signed-in user must change the password (first staff login)
 * or must enrol in 2FA (staff without it), every address leads to that page first; then, while
 * a new version of the privacy policy or the terms waits for acceptance, to `/zustimmung`
 * (coming back afterwards), except for the legal pages themselves. Logging out is a button in
 * the header and on that page, so it stays possible.
 */
export function RequiredActionsGate() {
  const { pathname, search, hash } = useLocation();
  const user = useCurrentUser().data;
  const required = user?.mustChangePassword
    ? paths.requiredPasswordChange.getHref()
    : user?.mustEnrollTwoFactor
      ? paths.requiredTwoFactor.getHref()
      : undefined;
  if (required && pathname !== required) {
    return <Navigate to={required} replace />;
  }
  if (!required && user && user.pendingLegal.length > 0 && !LEGAL_PAGES.has(pathname)) {
    const next =
      pathname === paths.home.path ? '' : `?${new URLSearchParams({ next: `${pathname}${search}${hash}` })}`;
    return <Navigate to={`${paths.legalAcceptance.getHref()}${next}`} replace />;
  }
  return <Outlet />;
}
