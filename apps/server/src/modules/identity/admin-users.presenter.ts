import type { AdminUser } from '@nano/contracts';
import type { AdminUserRow } from './admin-users.repository.ts';

/** One account as the admin console's users table shows it. */
export function presentAdminUser(row: AdminUserRow): AdminUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    role: row.role,
    status: row.status,
    emailVerified: row.email_verified_at !== null,
    twoFactorEnabled: row.totp_enabled_at !== null,
    verifiedProvider: row.provider_verified_at !== null,
    suspendedUntil: row.suspended_until?.toISOString() ?? null,
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}
