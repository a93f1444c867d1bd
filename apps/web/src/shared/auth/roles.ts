import type { Role } from '@nano/contracts';

/** Roles that may upload and manage their own Nanos. */
export const CREATOR_ROLES: readonly Role[] = ['creator', 'moderator', 'admin'];

/** Roles that review submissions. */
export const STAFF_ROLES: readonly Role[] = ['moderator', 'admin'];

/** Whether a user (or a guest, undefined) has one of `roles`. */
export function hasRole(user: { role: Role } | null | undefined, roles: readonly Role[]): boolean {
  return user !== null && user !== undefined && roles.includes(user.role);
}
