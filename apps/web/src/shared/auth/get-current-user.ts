import { type CurrentUser, currentUserSchema } from '@nano/contracts';
import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError, apiFetch } from '../api/client.ts';

/** Cache key of the signed-in user; `null` in the cache means guest. */
export const currentUserQueryKey = ['auth', 'me'] as const;

/**
 * Cache keys of data that belongs to the signed-in user (profile, sessions, …): all start
 * with `'me'`, so that signing out can drop them in one go.
 */
export const privateQueryKeyPrefix = 'me';

/** `GET /api/v1/auth/me`: the signed-in user, or null for a guest (401). */
export async function getCurrentUser(signal?: AbortSignal): Promise<CurrentUser | null> {
  try {
    return await apiFetch('/api/v1/auth/me', currentUserSchema, { signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      return null;
    }
    throw error;
  }
}

/** Query options of the current user; login, logout and silent refresh write the cache directly. */
export function currentUserQueryOptions() {
  return queryOptions({
    queryKey: currentUserQueryKey,
    queryFn: ({ signal }) => getCurrentUser(signal),
    staleTime: 5 * 60_000,
  });
}

/** The signed-in user (`data` is null for a guest). */
export function useCurrentUser() {
  return useQuery(currentUserQueryOptions());
}

/** Why the session ended on purpose: this device logged out, or every device did. */
export type SignOutReason = 'self' | 'everywhere';

const signOutReasonKey = ['auth', 'signOutReason'] as const;

/**
 * Cache keys of public data whose answers depend on who asks (a Nano's `permissions`, drafts
 * visible to their owner): dropped whenever the signed-in user changes.
 */
const viewerDependentQueryKeys = [['nanos']];

function dropViewerDependentQueries(queryClient: QueryClient): void {
  for (const queryKey of viewerDependentQueryKeys) {
    queryClient.removeQueries({ queryKey });
  }
}

/** After a login or a change of the user: the new user, straight into the cache. */
export function setCurrentUser(queryClient: QueryClient, user: CurrentUser): void {
  queryClient.removeQueries({ queryKey: signOutReasonKey, exact: true });
  const previous = queryClient.getQueryData<CurrentUser | null>(currentUserQueryKey);
  if (previous?.id !== user.id) {
    dropViewerDependentQueries(queryClient);
  }
  queryClient.setQueryData(currentUserQueryKey, user);
}

/**
 * After logout (with its reason) or a failed refresh (without): guest from now on, and no
 * private data left in the cache. The reason tells the route guard where a page that needs
 * login should send the guest.
 */
export function clearSession(queryClient: QueryClient, reason?: SignOutReason): void {
  if (reason) {
    queryClient.setQueryData(signOutReasonKey, reason);
  } else {
    queryClient.removeQueries({ queryKey: signOutReasonKey, exact: true });
  }
  queryClient.setQueryData(currentUserQueryKey, null);
  queryClient.removeQueries({ queryKey: [privateQueryKeyPrefix] });
  dropViewerDependentQueries(queryClient);
}

/** Why the last session ended, if the user ended it. */
export function signOutReasonOf(queryClient: QueryClient): SignOutReason | undefined {
  return queryClient.getQueryData<SignOutReason>(signOutReasonKey);
}
