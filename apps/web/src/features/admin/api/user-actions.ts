import type {
  Role,
  suspendUserRequestSchema,
  unsuspendUserRequestSchema,
  verifyProviderRequestSchema,
  warnUserRequestSchema,
} from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from '../../../shared/api/client.ts';
import { adminUsersQueryKey } from './get-admin-users.ts';

export type SuspendUserBody = z.input<typeof suspendUserRequestSchema>;
export type UnsuspendUserBody = z.input<typeof unsuspendUserRequestSchema>;
export type WarnUserBody = z.input<typeof warnUserRequestSchema>;
export type VerifyProviderBody = z.input<typeof verifyProviderRequestSchema>;

/** The server's code when a change would leave no active admin. */
export const LAST_ADMIN_CODE = 'last_admin';

/** The admin actions answer with the changed user or nothing; the pages refetch what they show. */
const anyAnswerSchema = z.unknown();

function userPath(id: string, action = ''): string {
  return `/api/v1/admin/users/${encodeURIComponent(id)}${action}`;
}

/** `PATCH /api/v1/admin/users/{id}` {role}: 403 for the own role, 409 `last_admin` for the last admin. */
export async function updateUserRole({ id, role }: { id: string; role: Role }): Promise<void> {
  await apiFetch(userPath(id), anyAnswerSchema, { method: 'PATCH', json: { role } });
}

/** `POST …/warn`: a warning with a statement of reasons, mailed to the user. */
export async function warnUser({ id, body }: { id: string; body: WarnUserBody }): Promise<void> {
  await apiFetch(userPath(id, '/warn'), anyAnswerSchema, { method: 'POST', json: body });
}

/** `POST …/suspend`: suspends the account (until a date, or until lifted); its sessions end. */
export async function suspendUser({ id, body }: { id: string; body: SuspendUserBody }): Promise<void> {
  await apiFetch(userPath(id, '/suspend'), anyAnswerSchema, { method: 'POST', json: body });
}

/** `POST …/unsuspend`: lifts a suspension. */
export async function unsuspendUser({ id, body }: { id: string; body: UnsuspendUserBody }): Promise<void> {
  await apiFetch(userPath(id, '/unsuspend'), anyAnswerSchema, { method: 'POST', json: body });
}

/** `DELETE /api/v1/admin/users/{id}`: the anonymising erasure of the account. */
export async function eraseUser({ id }: { id: string }): Promise<void> {
  await apiFetch(userPath(id), anyAnswerSchema, { method: 'DELETE' });
}

/** `POST …/verify-provider`: grants the "verified provider" badge after checking the register number. */
export async function verifyProvider({ id, body }: { id: string; body: VerifyProviderBody }): Promise<void> {
  await apiFetch(userPath(id, '/verify-provider'), anyAnswerSchema, { method: 'POST', json: body });
}

/** `DELETE …/verify-provider`: takes the badge away. */
export async function revokeProviderVerification({ id }: { id: string }): Promise<void> {
  await apiFetch(userPath(id, '/verify-provider'), anyAnswerSchema, { method: 'DELETE' });
}

function useUserAction<Variables>(mutationFn: (variables: Variables) => Promise<void>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    // Also after a failure: a 409 may mean someone else changed the account meanwhile.
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminUsersQueryKey }),
  });
}

export function useUpdateUserRole() {
  return useUserAction(updateUserRole);
}

export function useWarnUser() {
  return useUserAction(warnUser);
}

export function useSuspendUser() {
  return useUserAction(suspendUser);
}

export function useUnsuspendUser() {
  return useUserAction(unsuspendUser);
}

export function useVerifyProvider() {
  return useUserAction(verifyProvider);
}

export function useRevokeProviderVerification() {
  return useUserAction(revokeProviderVerification);
}

/** The erased account's page is left at once, so only the table is asked again (the detail expires unused). */
export function useEraseUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: eraseUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...adminUsersQueryKey, 'list'] }),
  });
}
