import type { Role, UserStatus } from '@nano/contracts';
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Timestamp } from '../../db/database.ts';

/** Accounts (owned by the identity module). Email and username become null on erasure. */
export interface UsersTable {
  id: string;
  email: string | null;
  username: string | null;
  display_name: string;
  password_hash: string | null;
  role: Generated<Role>;
  status: Generated<UserStatus>;
  locale: Generated<'de' | 'en'>;
  email_verified_at: Date | null;
  must_change_password: Generated<boolean>;
  totp_secret_encrypted: string | null;
  totp_enabled_at: Date | null;
  totp_last_step: number | null;
  failed_login_count: Generated<number>;
  lock_count: Generated<number>;
  locked_until: Date | null;
  suspended_until: Date | null;
  last_login_at: Date | null;
  /** The 12-month inactivity warning was mailed (privacy retention); cleared on sign-in. */
  inactivity_warned_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserBackupCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  used_at: Date | null;
}

export type UserTokenPurpose = 'verify_email' | 'reset_password' | 'change_email';

/** Single-use email tokens, stored hashed. */
export interface UserTokensTable {
  id: string;
  user_id: string;
  purpose: UserTokenPurpose;
  token_hash: string;
  new_email: string | null;
  expires_at: Date;
  used_at: Date | null;
  created_at: Timestamp;
}

/** One signed-in device: the family of its rotating refresh tokens. */
export interface SessionsTable {
  id: string;
  user_id: string;
  user_agent: string | null;
  ip: string | null;
  created_at: Timestamp;
  last_used_at: ColumnType<Date, Date | string | undefined, Date | string>;
  expires_at: Date;
  revoked_at: Date | null;
  revoke_reason: string | null;
  /** Password (and 2FA) last confirmed on this device: sign-in or re-authentication. */
  authenticated_at: Date | null;
}

export interface RefreshTokensTable {
  id: string;
  session_id: string;
  token_hash: string;
  created_at: Timestamp;
  expires_at: Date;
  rotated_at: Date | null;
}

/** Public and private profile details (owned by the profiles part of identity). */
export interface UserProfilesTable {
  user_id: string;
  bio: string | null;
  company: string | null;
  job_title: string | null;
  website: string | null;
  phone_encrypted: string | null;
  interests: ColumnType<string[], string[] | undefined, string[]>;
  avatar_key: string | null;
  avatar_updated_at: Date | null;
  provider_verified_at: Date | null;
  updated_at: Timestamp;
}

export interface IdentityTables {
  users: UsersTable;
  user_backup_codes: UserBackupCodesTable;
  user_tokens: UserTokensTable;
  sessions: SessionsTable;
  refresh_tokens: RefreshTokensTable;
  user_profiles: UserProfilesTable;
}

export type UserRow = Selectable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type UserProfileRow = Selectable<UserProfilesTable>;
