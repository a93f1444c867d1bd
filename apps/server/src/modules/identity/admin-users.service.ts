import type {
  AdminUser,
  AdminUserDetail,
  adminUserQuerySchema,
  Role,
  suspendUserRequestSchema,
  unsuspendUserRequestSchema,
  verifyProviderRequestSchema,
  warnUserRequestSchema,
} from '@nano/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { AppError, errors } from '../../errors.ts';
import type { Clock } from '../../platform/clock.ts';
import type { ObjectStorage } from '../../platform/storage.ts';
import type { AdminActor } from '../admin/admin-request.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { decisionsAbout, recordDecision } from '../moderation/decisions.service.ts';
import { isTrusted } from '../moderation/standing.ts';
import type { NotificationService } from '../notifications/notifications.service.ts';
import { eraseAccount } from '../privacy/erasure.service.ts';
import { suspendAccount, unsuspendAccount } from './account-status.ts';
import { presentAdminUser } from './admin-users.presenter.ts';
import * as repo from './admin-users.repository.ts';
import {
  findProviderVerification,
  grantProviderVerification,
  revokeProviderVerification,
} from './provider-verification.ts';
import { getUserCards } from './user-cards.ts';

/** What the admin console's user management uses. */
export interface AdminUsersDeps {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
  notifications: NotificationService;
  storage: ObjectStorage;
  /** The server secret: signs the appeal link in the statement of reasons of a suspension. */
  secret?: string;
}

/** Audit events about the user shown on the detail page. */
export const ADMIN_USER_RECENT_AUDIT = 20;

type Trx = Transaction<Database>;
type Locked = NonNullable<Awaited<ReturnType<typeof repo.lockAccount>>>;

/**
 * Locks the active admins, then the account, in that order for every admin change (so two of them
 * cannot deadlock). A change that could remove the last admin checks that first, then
 * {@link assertStillAdmin}.
 */
async function lockForChange(
  trx: Trx,
  actor: AdminActor,
  userId: string,
  options: { lastAdminCheck?: boolean } = {},
): Promise<{ admins: string[]; account: Locked }> {
  const admins = await repo.lockActiveAdmins(trx);
  const account = await repo.lockAccount(trx, userId);
  if (!account) {
    throw errors.notFound();
  }
  if (account.status === 'deleted') {
    throw new AppError('conflict', { detail: 'account_deleted' });
  }
  if (options.lastAdminCheck && isLastAdmin(admins, account)) {
    throw new AppError('last_admin');
  }
  // The acting admin may have been demoted or suspended since the request was authorised.
  if (!admins.includes(actor.userId)) {
    throw errors.forbidden();
  }
  return { admins, account };
}

/** Whether taking `account` out of the active admins would leave none. */
function isLastAdmin(admins: string[], account: Locked): boolean {
  return admins.includes(account.id) && admins.length <= 1;
}

async function loadAdminUser(deps: AdminUsersDeps, id: string): Promise<AdminUser> {
  const row = await repo.findAdminUser(deps.db, id);
  if (!row) {
    throw errors.notFound();
  }
  return presentAdminUser(row);
}

/** The users table: search (username, display name, email), role and status filters, newest first. */
export async function listAdminUsers(deps: AdminUsersDeps, query: z.output<typeof adminUserQuerySchema>) {
  const { rows, total } = await repo.searchAdminUsers(deps.db, {
    ...(query.q ? { q: query.q } : {}),
    ...(query.role ? { role: query.role } : {}),
    ...(query.status ? { status: query.status } : {}),
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return { items: rows.map(presentAdminUser), total, page: query.page, pageSize: query.pageSize };
}

/** One user with counts, trust, provider verification, moderation decisions and recent audit events. */
export async function getAdminUserDetail(deps: AdminUsersDeps, id: string): Promise<AdminUserDetail> {
  const row = await repo.findAdminUser(deps.db, id);
  if (!row) {
    throw errors.notFound();
  }
  const [verification, counts, trusted, decisions, audit] = await Promise.all([
    findProviderVerification(deps.db, id),
    repo.countsAbout(deps.db, id),
    isTrusted(deps.db, id),
    decisionsAbout(deps.db, { userId: id }),
    deps.audit.list({ targetType: 'user', targetId: id, page: 1, pageSize: ADMIN_USER_RECENT_AUDIT }),
  ]);
  const people = await getUserCards(deps.db, [
    ...audit.items.flatMap((event) => (event.actorId ? [event.actorId] : [])),
    ...(verification?.verified_by ? [verification.verified_by] : []),
  ]);
  const nameOf = (userId: string | null) => {
    const card = userId ? people.get(userId) : undefined;
    return card ? card.username || card.displayName : null;
  };
  return {
    ...presentAdminUser(row),
    company: row.company ?? null,
    providerVerification: verification
      ? {
          registerNumber: verification.register_number,
          note: verification.note,
          verifiedAt: verification.verified_at.toISOString(),
          verifiedBy: nameOf(verification.verified_by),
        }
      : null,
    counts,
    trusted,
    decisions,
    recentAudit: audit.items.map((event) => ({
      action: event.action,
      actor: nameOf(event.actorId),
      at: event.occurredAt,
      outcome: event.outcome,
    })),
  };
}

/**
 * Changes a user's role. Nobody changes their own role (403 `admin_own_role`) and the last active
 * admin cannot be demoted (409 `last_admin`). The role is read from the database on every request,
 * so the change applies to the user's open sessions at once.
 */
export async function changeUserRole(
  deps: AdminUsersDeps,
  actor: AdminActor,
  id: string,
  role: Role,
): Promise<AdminUser> {
  if (id === actor.userId) {
    throw new AppError('admin_own_role');
  }
  await deps.db.transaction().execute(async (trx) => {
    const { account } = await lockForChange(trx, actor, id, { lastAdminCheck: role !== 'admin' });
    if (account.role === role) {
      return;
    }
    await repo.setRole(trx, id, role, deps.clock.now());
    await deps.audit.record(
      {
        actorId: actor.userId,
        action: 'user.role_changed',
        targetType: 'user',
        targetId: id,
        details: { before: { role: account.role }, after: { role } },
        ip: actor.ip,
        userAgent: actor.userAgent,
      },
      trx,
    );
  });
  return loadAdminUser(deps, id);
}

/**
 * Suspends an account (until a time, or until lifted) with a statement of reasons: the user is
 * signed out everywhere and gets the statement by email. Not oneself, not the last admin.
 */
export async function suspendUser(
  deps: AdminUsersDeps,
  actor: AdminActor,
  id: string,
  input: z.output<typeof suspendUserRequestSchema>,
): Promise<AdminUser> {
  if (id === actor.userId) {
    throw new AppError('admin_self_action');
  }
  const until = input.until ? new Date(input.until) : null;
  if (until && until <= deps.clock.now()) {
    throw errors.field('body.until', 'suspend_until_past');
  }
  await deps.db.transaction().execute(async (trx) => {
    const { account } = await lockForChange(trx, actor, id, { lastAdminCheck: true });
    const change = await suspendAccount(trx, deps, { userId: id, until, by: actor.userId });
    const decision = await recordDecision(trx, deps, {
      targetType: 'user',
      targetId: id,
      targetLabel: account.display_name,
      affectedUserId: id,
      action: 'suspend',
      source: 'admin',
      reasons: input.reasons,
      statement: input.statement,
      decidedBy: actor.userId,
    });
    await deps.audit.record(
      {
        actorId: actor.userId,
        action: 'user.suspended',
        targetType: 'user',
        targetId: id,
        details: { ...change, decisionId: decision.id, reasons: input.reasons },
        ip: actor.ip,
        userAgent: actor.userAgent,
      },
      trx,
    );
  });
  return loadAdminUser(deps, id);
}

/** Lifts a suspension (409 when the account is not suspended); recorded as a `restore` decision. */
export async function unsuspendUser(
  deps: AdminUsersDeps,
  actor: AdminActor,
  id: string,
  input: z.output<typeof unsuspendUserRequestSchema>,
): Promise<AdminUser> {
  await deps.db.transaction().execute(async (trx) => {
    const { account } = await lockForChange(trx, actor, id);
    const change = await unsuspendAccount(trx, deps, { userId: id, by: actor.userId });
    if (!change) {
      throw new AppError('conflict', { detail: 'not_suspended' });
    }
    const decision = await recordDecision(trx, deps, {
      targetType: 'user',
      targetId: id,
      targetLabel: account.display_name,
      affectedUserId: id,
      action: 'restore',
      source: 'admin',
      reasons: [],
      statement: input.note,
      decidedBy: actor.userId,
    });
    await deps.audit.record(
      {
        actorId: actor.userId,
        action: 'user.unsuspended',
        targetType: 'user',
        targetId: id,
        details: { ...change, decisionId: decision.id, note: input.note },
        ip: actor.ip,
        userAgent: actor.userAgent,
      },
      trx,
    );
  });
  return loadAdminUser(deps, id);
}

/** Warns a user with a statement of reasons (stored, notified in-app and by email, appealable). */
export async function warnUser(
  deps: AdminUsersDeps,
  actor: AdminActor,
  id: string,
  input: z.output<typeof warnUserRequestSchema>,
): Promise<AdminUser> {
  if (id === actor.userId) {
    throw new AppError('admin_self_action');
  }
  await deps.db.transaction().execute(async (trx) => {
    const { account } = await lockForChange(trx, actor, id);
    const decision = await recordDecision(trx, deps, {
      targetType: 'user',
      targetId: id,
      targetLabel: account.display_name,
      affectedUserId: id,
      action: 'warn',
      source: 'admin',
      reasons: input.reasons,
      statement: input.statement,
      decidedBy: actor.userId,
    });
    await deps.audit.record(
      {
        actorId: actor.userId,
        action: 'user.warned',
        targetType: 'user',
        targetId: id,
        details: { decisionId: decision.id, reasons: input.reasons },
        ip: actor.ip,
        userAgent: actor.userAgent,
      },
      trx,
    );
  });
  return loadAdminUser(deps, id);
}

/**
 * The anonymising erasure of an account (privacy module), at once; not oneself, not the last admin.
 * Its Nanos stay under the erased name.
 */
export async function eraseUser(deps: AdminUsersDeps, actor: AdminActor, id: string): Promise<void> {
  await eraseAccount(deps, id, {
    mode: 'admin',
    by: actor.userId,
    nanos: 'keep_anonymised',
    ip: actor.ip,
    userAgent: actor.userAgent,
  });
}

/** Grants (or updates) the verified-provider badge after an admin checked the register number. */
export async function verifyProvider(
  deps: AdminUsersDeps,
  actor: AdminActor,
  id: string,
  input: z.output<typeof verifyProviderRequestSchema>,
): Promise<AdminUser> {
  await deps.db.transaction().execute(async (trx) => {
    await lockForChange(trx, actor, id);
    const before = await grantProviderVerification(trx, {
      userId: id,
      registerNumber: input.registerNumber,
      note: input.note,
      by: actor.userId,
      now: deps.clock.now(),
    });
    await deps.audit.record(
      {
        actorId: actor.userId,
        action: 'user.provider_verified',
        targetType: 'user',
        targetId: id,
        details: {
          before: before ? { registerNumber: before.register_number, note: before.note } : null,
          after: { registerNumber: input.registerNumber, note: input.note },
        },
        ip: actor.ip,
        userAgent: actor.userAgent,
      },
      trx,
    );
  });
  return loadAdminUser(deps, id);
}

/** Takes the badge away (nothing happens, and nothing is audited, when there is none). */
export async function revokeProvider(
  deps: AdminUsersDeps,
  actor: AdminActor,
  id: string,
): Promise<AdminUser> {
  await deps.db.transaction().execute(async (trx) => {
    await lockForChange(trx, actor, id);
    const removed = await revokeProviderVerification(trx, id, deps.clock.now());
    if (!removed) {
      return;
    }
    await deps.audit.record(
      {
        actorId: actor.userId,
        action: 'user.provider_verification_revoked',
        targetType: 'user',
        targetId: id,
        details: {
          before: { registerNumber: removed.register_number, note: removed.note },
          after: null,
        },
        ip: actor.ip,
        userAgent: actor.userAgent,
      },
      trx,
    );
  });
  return loadAdminUser(deps, id);
}
