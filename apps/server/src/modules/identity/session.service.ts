import type { Role, UserStatus } from '@nano/contracts';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../errors.ts';
import { anonymizeIp } from '../../lib/anonymize-ip.ts';
import type { AccessClaims } from './access-token.ts';
import { generateToken, hashToken } from './crypto/tokens.ts';
import {
  ACCESS_TOKEN_TTL_MS,
  REFRESH_REUSE_GRACE_MS,
  REFRESH_TOKEN_TTL_MS,
  SESSION_IDLE_TIMEOUT_MS,
} from './identity.constants.ts';
import type { IdentityDeps, RequestContext } from './identity.deps.ts';
import * as sessions from './sessions.repository.ts';

/** The audience of access tokens (other JWTs of ours, e.g. the 2FA step, use their own). */
export const ACCESS_AUDIENCE = 'access';

/** The signed-in user of a request, checked against the database on every request. */
export interface AuthContext {
  userId: string;
  sessionId: string;
  role: Role;
  status: UserStatus;
  mustChangePassword: boolean;
  mustEnrollTwoFactor: boolean;
}

/**
 * A refresh that lost a race against another tab of the same browser, which rotated this token
 * moments before: refused, but the browser already holds that tab's new cookies, so the answer
 * must leave them in place.
 */
export class RefreshRaceError extends AppError {
  constructor() {
    super('unauthorized');
  }
}

/** New cookie values after a login or refresh. */
export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  sessionId: string;
}

const ms = (date: Date, delta: number) => new Date(date.getTime() + delta);

async function issue(
  deps: IdentityDeps,
  claims: AccessClaims,
  sessionId: string,
  now: Date,
): Promise<IssuedTokens> {
  const refreshToken = generateToken();
  await sessions.insertRefreshToken(deps.db, {
    id: uuidv7(),
    sessionId,
    tokenHash: hashToken(refreshToken),
    now,
    expiresAt: ms(now, REFRESH_TOKEN_TTL_MS),
  });
  const accessToken = await deps.signer.sign(claims, ACCESS_TOKEN_TTL_MS, ACCESS_AUDIENCE);
  return { accessToken, refreshToken, sessionId };
}

/** Opens a new session (one device) for a user who has proved who they are. */
export async function startSession(
  deps: IdentityDeps,
  user: { id: string; role: Role },
  context: RequestContext,
): Promise<IssuedTokens> {
  const now = deps.clock.now();
  const sessionId = uuidv7();
  await sessions.insertSession(deps.db, {
    id: sessionId,
    userId: user.id,
    userAgent: context.userAgent?.slice(0, 500) ?? null,
    ip: anonymizeIp(context.ip),
    now,
    expiresAt: ms(now, REFRESH_TOKEN_TTL_MS),
  });
  return issue(deps, { sub: user.id, role: user.role, sid: sessionId }, sessionId, now);
}

/**
 * Exchanges a refresh token for a new pair. A rotated token presented again (outside the
 * short race window) means it was stolen: the whole session is revoked and the event audited.
 */
export async function refreshSession(
  deps: IdentityDeps,
  refreshToken: string | undefined,
  context: RequestContext,
): Promise<IssuedTokens & { userId: string }> {
  if (!refreshToken) {
    throw new AppError('unauthorized');
  }
  const now = deps.clock.now();
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const row = await sessions.findRefreshTokenForUpdate(trx, hashToken(refreshToken));
    if (!row || row.revoked_at) {
      return { kind: 'invalid' as const };
    }
    if (row.rotated_at) {
      if (now.getTime() - row.rotated_at.getTime() <= REFRESH_REUSE_GRACE_MS) {
        return { kind: 'race' as const };
      }
      await sessions.revokeSession(trx, row.session_id, 'refresh_reuse', now);
      await deps.audit.record(
        {
          actorId: row.user_id,
          action: 'auth.refresh_reuse',
          targetType: 'session',
          targetId: row.session_id,
          ip: context.ip,
          userAgent: context.userAgent,
          outcome: 'denied',
        },
        trx,
      );
      return { kind: 'reused' as const };
    }
    if (row.expires_at <= now || now.getTime() - row.last_used_at.getTime() > SESSION_IDLE_TIMEOUT_MS) {
      await sessions.revokeSession(trx, row.session_id, 'expired', now);
      return { kind: 'expired' as const };
    }
    const user = await trx
      .selectFrom('users')
      .select(['id', 'role', 'status'])
      .where('id', '=', row.user_id)
      .executeTakeFirstOrThrow();
    if (user.status !== 'active') {
      await sessions.revokeSession(trx, row.session_id, 'user_inactive', now);
      return { kind: 'invalid' as const };
    }
    await sessions.markRefreshTokenRotated(trx, row.id, now);
    await sessions.touchSession(trx, row.session_id, now, ms(now, REFRESH_TOKEN_TTL_MS));
    const issued = await issue(
      { ...deps, db: trx },
      { sub: user.id, role: user.role, sid: row.session_id },
      row.session_id,
      now,
    );
    return { kind: 'ok' as const, issued, userId: user.id };
  });
  if (outcome.kind === 'expired') {
    throw new AppError('session_expired');
  }
  if (outcome.kind === 'race') {
    throw new RefreshRaceError();
  }
  if (outcome.kind !== 'ok') {
    throw new AppError('unauthorized');
  }
  return { ...outcome.issued, userId: outcome.userId };
}

/**
 * Resolves an access token to the live session behind it. Checked against the database on
 * every request, so revoking a session or suspending a user takes effect at once.
 */
export async function authenticate(
  deps: IdentityDeps,
  accessToken: string | undefined,
): Promise<AuthContext | null> {
  if (!accessToken) {
    return null;
  }
  const claims = await deps.signer.verify(accessToken, ACCESS_AUDIENCE);
  if (!claims || typeof claims.sid !== 'string' || typeof claims.sub !== 'string') {
    return null;
  }
  const row = await sessions.findSessionWithUser(deps.db, claims.sid);
  const now = deps.clock.now();
  if (
    !row ||
    row.user_id !== claims.sub ||
    row.revoked_at ||
    row.expires_at <= now ||
    row.status !== 'active'
  ) {
    return null;
  }
  const isStaff = row.role === 'moderator' || row.role === 'admin';
  return {
    userId: row.user_id,
    sessionId: row.session_id,
    role: row.role,
    status: row.status,
    mustChangePassword: row.must_change_password,
    mustEnrollTwoFactor: deps.requireStaffTwoFactor && isStaff && row.totp_enabled_at === null,
  };
}

/** Sessions checked per query by {@link liveSessionIds}. */
const LIVE_SESSION_BATCH = 1_000;

/**
 * Which of `sessionIds` can still be used: not revoked (signed out, revoked from another device),
 * not expired, and the user not suspended or erased. Long-lived connections (the chat WebSocket)
 * check their sessions with this every few heartbeats, in batches.
 */
export async function liveSessionIds(
  deps: Pick<IdentityDeps, 'db' | 'clock'>,
  sessionIds: readonly string[],
): Promise<Set<string>> {
  const now = deps.clock.now();
  const unique = [...new Set(sessionIds)];
  const live = new Set<string>();
  for (let start = 0; start < unique.length; start += LIVE_SESSION_BATCH) {
    const batch = unique.slice(start, start + LIVE_SESSION_BATCH);
    for (const id of await sessions.findLiveSessionIds(deps.db, batch, now)) {
      live.add(id);
    }
  }
  return live;
}

/** Signs out the current device. */
export async function endSession(
  deps: IdentityDeps,
  auth: AuthContext,
  context: RequestContext,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await sessions.revokeSession(trx, auth.sessionId, 'logout', now);
    await deps.audit.record(
      {
        actorId: auth.userId,
        action: 'auth.logout',
        targetType: 'session',
        targetId: auth.sessionId,
        ip: context.ip,
        userAgent: context.userAgent,
      },
      trx,
    );
  });
}

/**
 * Signs out the device presenting `refreshToken` when its access token has already expired, so
 * a logout after a quarter of an hour without activity still ends the session.
 */
export async function endSessionByRefreshToken(
  deps: IdentityDeps,
  refreshToken: string | undefined,
  context: RequestContext,
): Promise<void> {
  if (!refreshToken) {
    return;
  }
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await sessions.findRefreshTokenForUpdate(trx, hashToken(refreshToken));
    // A rotated token is no proof of holding the session; refresh handles its reuse.
    if (!row || row.revoked_at || row.rotated_at) {
      return;
    }
    await sessions.revokeSession(trx, row.session_id, 'logout', now);
    await deps.audit.record(
      {
        actorId: row.user_id,
        action: 'auth.logout',
        targetType: 'session',
        targetId: row.session_id,
        ip: context.ip,
        userAgent: context.userAgent,
      },
      trx,
    );
  });
}

/** Signs out every device of the user, this one included. */
export async function endAllSessions(
  deps: IdentityDeps,
  auth: AuthContext,
  context: RequestContext,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const count = await sessions.revokeUserSessions(trx, auth.userId, 'logout_all', now);
    await deps.audit.record(
      {
        actorId: auth.userId,
        action: 'auth.logout_all',
        details: { sessions: count },
        ip: context.ip,
        userAgent: context.userAgent,
      },
      trx,
    );
  });
}

/** The user's signed-in devices; a session past the idle timeout can no longer be used and is left out. */
export async function listSessions(deps: IdentityDeps, auth: AuthContext) {
  const now = deps.clock.now();
  const rows = await sessions.listLiveSessions(deps.db, auth.userId, now);
  const idleSince = now.getTime() - SESSION_IDLE_TIMEOUT_MS;
  return rows
    .filter((row) => row.last_used_at.getTime() >= idleSince)
    .map((row) => ({
      id: row.id,
      userAgent: row.user_agent,
      ip: row.ip,
      createdAt: row.created_at.toISOString(),
      lastUsedAt: row.last_used_at.toISOString(),
      current: row.id === auth.sessionId,
    }));
}

/** Signs out one of the user's own devices; another user's session id is "not found". */
export async function revokeOwnSession(
  deps: IdentityDeps,
  auth: AuthContext,
  sessionId: string,
  context: RequestContext,
): Promise<void> {
  const session = await sessions.findSession(deps.db, sessionId);
  if (!session || session.user_id !== auth.userId || session.revoked_at) {
    throw new AppError('not_found');
  }
  await deps.db.transaction().execute(async (trx) => {
    await sessions.revokeSession(trx, sessionId, 'revoked_by_user', deps.clock.now());
    await deps.audit.record(
      {
        actorId: auth.userId,
        action: 'auth.session_revoked',
        targetType: 'session',
        targetId: sessionId,
        ip: context.ip,
        userAgent: context.userAgent,
      },
      trx,
    );
  });
}
