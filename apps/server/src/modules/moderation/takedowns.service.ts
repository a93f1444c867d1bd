import {
  type Locale,
  MODERATION_LIMITS,
  type NanoStatus,
  type ownTakedownListSchema,
  type Takedown,
  type TakedownConfirmResponse,
  type TakedownStatus,
  type takedownNoticeRequestSchema,
  type takedownPageSchema,
  type takedownQuerySchema,
} from '@nano/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { AppError, errors } from '../../errors.ts';
import { anonymizeIp } from '../../lib/anonymize-ip.ts';
import { applyNanoModeration } from '../catalog/moderation-actions.ts';
import { generateToken, hashToken } from '../identity/crypto/tokens.ts';
import { getUserCards } from '../identity/user-cards.ts';
import { recordDecision } from './decisions.service.ts';
import type { ModerationDeps } from './moderation.deps.ts';
import { renderComplainantMail, takedownConfirmUrl } from './takedowns.emails.ts';
import { presentOwnTakedown, presentTakedown } from './takedowns.presenter.ts';
import * as repo from './takedowns.repository.ts';
import { autoHideStatement } from './takedowns.statements.ts';

type OwnTakedownList = z.output<typeof ownTakedownListSchema>;
type TakedownPage = z.output<typeof takedownPageSchema>;
type TakedownQuery = z.output<typeof takedownQuerySchema>;

/** What the takedown rules use of the module's dependencies. */
export type TakedownDeps = Pick<
  ModerationDeps,
  'db' | 'clock' | 'cache' | 'mailer' | 'jobs' | 'audit' | 'notifications' | 'publicUrl'
>;

/** Who sends a request, for the rate limit and the audit log. */
export interface RequestContext {
  /** The signed-in user, if any (the notice form needs no account). */
  userId: string | null;
  ip: string;
  userAgent: string | undefined;
  locale: Locale;
}

const HOUR_MS = 60 * 60 * 1000;
/** The rate-limit window of the notice form: one clock hour, shared by every instance through the cache. */
export const TAKEDOWN_RATE_WINDOW_MS = HOUR_MS;
/** Notices the creator's page lists at most (the newest); more than a handful means trouble anyway. */
export const OWN_TAKEDOWNS_MAX = 200;
/** A Nano can be reported while it is online or already hidden by another notice. */
const REPORTABLE: readonly NanoStatus[] = ['published', 'hidden'];

function auditBase(context: RequestContext) {
  return { actorId: context.userId, ip: context.ip, userAgent: context.userAgent ?? null };
}

/**
 * Counts one notice against the sender's network (the anonymised /24 or /48, so neighbours on a
 * shared network share the budget, which is fine for a form this rare). The window is the clock's
 * current hour, so tests move it with their clock.
 */
async function takeRateLimit(deps: TakedownDeps, ip: string): Promise<void> {
  const network = anonymizeIp(ip) ?? 'unknown';
  const now = deps.clock.now().getTime();
  const windowStart = Math.floor(now / TAKEDOWN_RATE_WINDOW_MS) * TAKEDOWN_RATE_WINDOW_MS;
  const { count } = await deps.cache.increment(
    `takedown:rate:${network}:${windowStart}`,
    TAKEDOWN_RATE_WINDOW_MS,
  );
  if (count > MODERATION_LIMITS.takedownNoticesPerHour) {
    const retryAfter = Math.max(1, Math.ceil((windowStart + TAKEDOWN_RATE_WINDOW_MS - now) / 1000));
    throw new AppError('takedown_rate_limited', {
      headers: { 'retry-after': String(retryAfter) },
      extensions: { retryAfterSeconds: retryAfter },
    });
  }
}

/**
 * A notice from the public form: stored unconfirmed with a hashed one-time token, and the
 * complainant gets the confirmation link (valid {@link MODERATION_LIMITS.takedownConfirmHours} h).
 * Nothing happens to the Nano until the address is confirmed. Only a published (or already hidden)
 * Nano can be reported; anything else is 404, as if it did not exist.
 */
export async function submitNotice(
  deps: TakedownDeps,
  context: RequestContext,
  input: z.output<typeof takedownNoticeRequestSchema>,
): Promise<{ status: 'confirmation_sent' }> {
  await takeRateLimit(deps, context.ip);
  const nano = await repo.findNoticedNano(deps.db, input.nanoId);
  if (!nano || !REPORTABLE.includes(nano.status)) {
    throw errors.notFound();
  }
  const now = deps.clock.now();
  const token = generateToken();
  const id = uuidv7();
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertNotice(trx, {
      id,
      nano_id: nano.id,
      creator_id: nano.creator_id,
      complainant_name: input.complainantName,
      complainant_email: input.complainantEmail,
      work: input.work,
      original_location: input.originalLocation,
      locale: context.locale,
      confirm_token_hash: hashToken(token),
      confirm_expires_at: new Date(now.getTime() + MODERATION_LIMITS.takedownConfirmHours * HOUR_MS),
      ip_network: anonymizeIp(context.ip),
      created_at: now,
    });
    // No personal data of the complainant in the log: the notice row holds it.
    await deps.audit.record(
      {
        ...auditBase(context),
        action: 'takedown.submitted',
        targetType: 'takedown_notice',
        targetId: id,
        details: { nanoId: nano.id },
      },
      trx,
    );
  });
  const mail = renderComplainantMail(context.locale, {
    kind: 'confirm',
    name: input.complainantName,
    nanoTitle: nano.title,
    url: takedownConfirmUrl(deps.publicUrl, token),
  });
  await deps.mailer.send({ to: input.complainantEmail, ...mail });
  return { status: 'confirmation_sent' };
}

/**
 * The complainant confirms their address: the notice becomes `awaiting_response`, the Nano is
 * hidden at once (already hidden stays so), the creator is told (mandatory email) and has
 * {@link MODERATION_LIMITS.takedownResponseHours} h to respond. Hiding is an automated decision
 * with a statement of reasons. A repeated confirm answers the current state and changes nothing.
 */
export async function confirmNotice(
  deps: TakedownDeps,
  context: RequestContext,
  token: string,
): Promise<TakedownConfirmResponse> {
  const now = deps.clock.now();
  const notice = await deps.db.transaction().execute(async (trx) => {
    const locked = await repo.lockNoticeByTokenHash(trx, hashToken(token));
    if (!locked) {
      throw new AppError('takedown_token_invalid');
    }
    if (locked.status !== 'unconfirmed') {
      return locked;
    }
    if (!locked.confirm_expires_at || locked.confirm_expires_at.getTime() <= now.getTime()) {
      throw new AppError('takedown_token_invalid');
    }
    const nano = await repo.lockNoticedNano(trx, locked.nano_id);
    if (!nano) {
      throw new AppError('takedown_token_invalid');
    }
    const dueAt = new Date(now.getTime() + MODERATION_LIMITS.takedownResponseHours * HOUR_MS);
    const creatorId = locked.creator_id ?? nano.creator_id;
    let nanoAfter = nano.status;
    if (nano.status === 'published') {
      nanoAfter = (await applyNanoModeration(trx, deps, { nanoId: nano.id, action: 'hide' })).statusAfter;
      const creator = (await getUserCards(trx, [creatorId])).get(creatorId);
      await recordDecision(trx, deps, {
        targetType: 'nano',
        targetId: nano.id,
        targetLabel: nano.title,
        affectedUserId: creatorId,
        action: 'hide',
        source: 'takedown',
        reasons: ['copyright'],
        statement: autoHideStatement(creator?.locale ?? 'de', { work: locked.work, dueAt }),
        automated: true,
        decidedBy: null,
        relatedId: locked.id,
        nanoId: nano.id,
      });
    }
    const updated = await repo.updateNotice(trx, locked.id, {
      status: 'awaiting_response',
      confirmed_at: now,
      response_due_at: dueAt,
    });
    await deps.notifications.notify(
      {
        userId: creatorId,
        type: 'takedown.notice',
        payload: {
          noticeId: locked.id,
          nanoId: nano.id,
          title: nano.title,
          complainantName: locked.complainant_name,
          work: locked.work,
          originalLocation: locked.original_location,
          responseDueAt: dueAt.toISOString(),
        },
      },
      trx,
    );
    await deps.audit.record(
      {
        ...auditBase(context),
        action: 'takedown.confirmed',
        targetType: 'takedown_notice',
        targetId: locked.id,
        details: {
          nanoId: nano.id,
          before: { status: locked.status, nanoStatus: nano.status },
          after: { status: updated.status, nanoStatus: nanoAfter },
          responseDueAt: dueAt.toISOString(),
        },
      },
      trx,
    );
    return updated;
  });
  const nano = await repo.findNoticedNano(deps.db, notice.nano_id);
  return {
    status: notice.status,
    nanoTitle: nano?.title ?? '',
    responseDueAt: notice.response_due_at?.toISOString() ?? null,
  };
}

/**
 * The creator's counter-notice: answers every notice of their Nano still waiting for an answer
 * within its period. 404 for anyone but the owner; 409 when no notice waits, or the period is over.
 */
export async function respondToNotices(
  deps: TakedownDeps,
  context: RequestContext & { userId: string },
  nanoId: string,
  text: string,
): Promise<OwnTakedownList> {
  const nano = await repo.findNoticedNano(deps.db, nanoId);
  if (!nano || nano.creator_id !== context.userId) {
    throw errors.notFound();
  }
  const now = deps.clock.now();
  const ids = await deps.db.transaction().execute(async (trx) => {
    const waiting = await repo.lockAwaitingNoticesOfNano(trx, nanoId);
    if (waiting.length === 0) {
      throw new AppError('takedown_not_awaiting_response');
    }
    const inTime = waiting.filter(
      (notice) => notice.response_due_at !== null && notice.response_due_at.getTime() > now.getTime(),
    );
    if (inTime.length === 0) {
      throw new AppError('takedown_response_period_over');
    }
    for (const notice of inTime) {
      await repo.updateNotice(trx, notice.id, {
        status: 'responded',
        response_text: text,
        responded_at: now,
      });
    }
    await deps.audit.record(
      {
        ...auditBase(context),
        action: 'takedown.responded',
        targetType: 'nano',
        targetId: nanoId,
        details: {
          noticeIds: inTime.map((notice) => notice.id),
          before: { status: 'awaiting_response' },
          after: { status: 'responded' },
        },
      },
      trx,
    );
    return inTime.map((notice) => notice.id);
  });
  const rows = await repo.listedNotices(deps.db, ids);
  const cards = await getUserCards(deps.db, [context.userId]);
  return { items: rows.map((row) => presentOwnTakedown(row, cards)) };
}

/** The confirmed notices against the caller's Nanos, the newest first. */
export async function ownNotices(deps: TakedownDeps, userId: string): Promise<OwnTakedownList> {
  const rows = await repo.listNoticesAgainst(deps.db, userId, OWN_TAKEDOWNS_MAX);
  const cards = await getUserCards(deps.db, [userId]);
  return { items: rows.map((row) => presentOwnTakedown(row, cards)) };
}

function statusesOf(filter: TakedownQuery['status']): {
  statuses: readonly TakedownStatus[];
  order: 'oldest_confirmed' | 'newest_decided' | 'newest';
} {
  switch (filter) {
    case 'open':
      return { statuses: repo.OPEN_TAKEDOWN_STATUSES, order: 'oldest_confirmed' };
    case 'decided':
      return { statuses: repo.DECIDED_TAKEDOWN_STATUSES, order: 'newest_decided' };
    case 'awaiting_response':
    case 'responded':
      return { statuses: [filter], order: 'oldest_confirmed' };
    case 'upheld':
    case 'rejected':
    case 'expired':
      return { statuses: [filter], order: 'newest_decided' };
    case 'unconfirmed':
      return { statuses: [filter], order: 'newest' };
  }
}

/** The moderators' list: open notices the longest waiting first, with age and SLA colour. */
export async function listTakedowns(deps: TakedownDeps, query: TakedownQuery): Promise<TakedownPage> {
  const { statuses, order } = statusesOf(query.status);
  const { rows, total } = await repo.listNotices(deps.db, statuses, order, {
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  const cards = await getUserCards(
    deps.db,
    rows.flatMap((row) => (row.creator_id ? [row.creator_id] : [])),
  );
  const now = deps.clock.now();
  return {
    items: rows.map((row) => presentTakedown(row, cards, now)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** One notice as staff see it (after a decision). */
export async function takedownById(deps: TakedownDeps, id: string): Promise<Takedown> {
  const row = await repo.findListedNotice(deps.db, id);
  if (!row) {
    throw errors.notFound();
  }
  const cards = await getUserCards(deps.db, row.creator_id ? [row.creator_id] : []);
  return presentTakedown(row, cards, deps.clock.now());
}
