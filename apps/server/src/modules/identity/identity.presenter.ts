import type { CurrentUser, PendingLegal } from '@nano/contracts';
import type { UserRow } from './identity.tables.ts';
import type { AuthContext } from './session.service.ts';

/** The public address of a user's avatar, versioned so browsers can cache it for long. */
export function avatarUrl(
  username: string | null,
  profile: { avatar_key: string | null; avatar_updated_at: Date | null } | null,
): string | null {
  if (!username || !profile?.avatar_key || !profile.avatar_updated_at) {
    return null;
  }
  return `/api/v1/users/${encodeURIComponent(username)}/avatar?v=${profile.avatar_updated_at.getTime().toString(36)}`;
}

/** A user row as `GET /auth/me` shows it to its owner. */
export function presentCurrentUser(
  user: UserRow,
  profile: { avatar_key: string | null; avatar_updated_at: Date | null } | null,
  auth: Pick<AuthContext, 'mustEnrollTwoFactor'>,
  pendingLegal: PendingLegal[] = [],
): CurrentUser {
  return {
    id: user.id,
    email: user.email ?? '',
    username: user.username ?? '',
    displayName: user.display_name,
    role: user.role,
    status: user.status,
    emailVerified: user.email_verified_at !== null,
    twoFactorEnabled: user.totp_enabled_at !== null,
    locale: user.locale,
    mustChangePassword: user.must_change_password,
    mustEnrollTwoFactor: auth.mustEnrollTwoFactor,
    pendingLegal,
    avatarUrl: avatarUrl(user.username, profile),
  };
}
