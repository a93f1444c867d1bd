import { randomInt } from 'node:crypto';
import { type Locale, MODERATION_LIMITS } from '@nano/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { countReviewApprovals, getStanding, grantTrust } from '../moderation/standing.ts';
import { countSubmissions } from './review.repository.ts';

/**
 * The trust policy of SPEC §4.6: a new creator's submissions are all reviewed and limited to
 * {@link MODERATION_LIMITS.newCreatorMonthlySubmissions} per calendar month (UTC); after
 * {@link MODERATION_LIMITS.trustAfterApprovals} approvals the creator is trusted, their updates of
 * published Nanos publish at once and {@link MODERATION_LIMITS.sampleRate} of those are sampled
 * for post-publication review. Creators whose uploads are blocked cannot submit at all.
 */

type Db = Kysely<Database>;

/**
 * A small seeded PRNG (mulberry32): the sampling draws from it, so a fixed
 * `MODERATION_SAMPLE_SEED` makes which updates are sampled reproducible.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The sampling's random source: seeded with `seed` (MODERATION_SAMPLE_SEED), else a random seed. */
export function samplingRandom(seed: number | undefined): () => number {
  return seededRandom(seed ?? randomInt(2 ** 32 - 1));
}

/** Whether a trusted creator's directly published update goes to the sampled queue. */
export function drawSample(random: () => number): boolean {
  return random() < MODERATION_LIMITS.sampleRate;
}

/** The calendar month (UTC) around `now`: [first day 00:00, first day of the next month). */
export function monthRange(now: Date): { from: Date; to: Date } {
  return {
    from: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)),
    to: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)),
  };
}

/** Versions the user submitted in the current calendar month. */
export function submissionsThisMonth(db: Db, userId: string, now: Date): Promise<number> {
  return countSubmissions(db, userId, monthRange(now));
}

function formatDay(locale: Locale, date: Date): string {
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(date);
}

const QUOTA_DETAIL: Record<Locale, (limit: number, resets: string) => string> = {
  de: (limit, resets) =>
    `Solange Ihr Konto noch nicht als vertrauenswürdig gilt, können Sie höchstens ${limit} Einreichungen pro Kalendermonat zur Prüfung senden. Ab dem ${resets} ist das wieder möglich.`,
  en: (limit, resets) =>
    `Until your account is trusted, you can send at most ${limit} submissions per calendar month for review. You can submit again from ${resets}.`,
};

/**
 * Checks that `userId` may submit now (in the caller's transaction): 403 `uploads_blocked` when
 * their uploads are blocked; 429 `submission_quota_exceeded` (with Retry-After up to the next
 * month) when they are not trusted and have used the month's submissions. `versionId` is the
 * version being submitted, which does not count against itself. Returns whether they are trusted.
 */
export async function assertMaySubmit(
  db: Db,
  input: { userId: string; versionId?: string; now: Date; locale: Locale; skipQuota?: boolean },
): Promise<{ trusted: boolean }> {
  const standing = await getStanding(db, input.userId);
  if (standing.uploadsBlocked) {
    throw new AppError('uploads_blocked');
  }
  if (standing.trusted || input.skipQuota) {
    return { trusted: standing.trusted };
  }
  const month = monthRange(input.now);
  const used = await countSubmissions(db, input.userId, month, input.versionId);
  const limit = MODERATION_LIMITS.newCreatorMonthlySubmissions;
  if (used >= limit) {
    const retryAfter = Math.max(1, Math.ceil((month.to.getTime() - input.now.getTime()) / 1000));
    throw new AppError('submission_quota_exceeded', {
      detail: QUOTA_DETAIL[input.locale](limit, formatDay(input.locale, month.to)),
      headers: { 'retry-after': String(retryAfter) },
      extensions: { limit, used, resetsAt: month.to.toISOString() },
    });
  }
  return { trusted: false };
}

/**
 * After an approved review: makes the creator trusted once they have
 * {@link MODERATION_LIMITS.trustAfterApprovals} approvals since their trust was last revoked (in
 * the decision's transaction, audited as `moderation.trust_granted`). Returns whether it did.
 */
export async function promoteIfEarned(
  db: Db,
  deps: { audit: AuditService },
  input: { creatorId: string; actorId: string; now: Date },
): Promise<boolean> {
  const standing = await getStanding(db, input.creatorId);
  if (standing.trusted) {
    return false;
  }
  const approvals = await countReviewApprovals(db, input.creatorId, standing.trustRevokedAt);
  if (approvals < MODERATION_LIMITS.trustAfterApprovals) {
    return false;
  }
  const granted = await grantTrust(db, input.creatorId, input.now);
  if (granted) {
    await deps.audit.record(
      {
        actorId: input.actorId,
        action: 'moderation.trust_granted',
        targetType: 'user',
        targetId: input.creatorId,
        details: { approvals, before: { trusted: false }, after: { trusted: true } },
      },
      db,
    );
  }
  return granted;
}
