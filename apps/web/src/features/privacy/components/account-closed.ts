import type { NavigateFunction } from 'react-router';
import { paths } from '../../../shared/routes.ts';

/** Router state of the public notice page (`/konto-geschlossen`) after the account was closed here (erasure or restriction). */
export type AccountClosedState =
  | { accountClosed: 'erasure'; scheduledFor: string }
  | { accountClosed: 'restriction' };

/** The notice in a router location state, if any. */
export function accountClosedOf(state: unknown): AccountClosedState | undefined {
  const value = state as Partial<{ accountClosed: unknown; scheduledFor: unknown }> | null;
  if (value?.accountClosed === 'restriction') {
    return { accountClosed: 'restriction' };
  }
  if (value?.accountClosed === 'erasure' && typeof value.scheduledFor === 'string') {
    return { accountClosed: 'erasure', scheduledFor: value.scheduledFor };
  }
  return undefined;
}

/**
 * The server has revoked every session: on to the public notice page (no sign-in needed). That
 * page makes the app forget the user; doing it here would let the sign-in guard of this page
 * redirect before the navigation lands.
 */
export function leaveClosedAccount(navigate: NavigateFunction, state: AccountClosedState): void {
  void navigate(paths.accountClosed.getHref(), { replace: true, state });
}
