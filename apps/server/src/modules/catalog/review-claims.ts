import { type Locale, MODERATION_LIMITS, type ReviewClaim } from '@nano/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { AuthContext } from '../identity/session.service.ts';
import { getUserCards } from '../identity/user-cards.ts';
import { type CatalogDeps, isStaff } from './catalog.deps.ts';
import * as repo from './catalog.repository.ts';
import * as reviewRepo from './review.repository.ts';

type Db = Kysely<Database>;

/**
 * One reviewer at a time per Nano (SPEC §4.6): a claim lasts
 * {@link MODERATION_LIMITS.claimMinutes} minutes, is renewed by its holder, released by them (or
 * an admin) or by their decision, and simply lapses when it expires.
 */

interface ClaimRow {
  nano_id: string;
  moderator_id: string;
  expires_at: Date;
}

/** The unexpired claims of these Nanos, presented, by Nano id. */
export async function activeClaims(db: Db, nanoIds: string[], now: Date): Promise<Map<string, ReviewClaim>> {
  const rows = (await reviewRepo.findClaims(db, nanoIds)).filter((r) => r.expires_at > now);
  const cards = await getUserCards(
    db,
    rows.map((r) => r.moderator_id),
  );
  return new Map(
    rows.map((row) => {
      const card = cards.get(row.moderator_id);
      return [
        row.nano_id,
        {
          by: { id: row.moderator_id, username: card?.username ?? '', displayName: card?.displayName ?? '' },
          expiresAt: row.expires_at.toISOString(),
        },
      ];
    }),
  );
}

function formatTime(locale: Locale, date: Date): string {
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  }).format(date);
}

/** 409 `review_claimed`, saying who holds the review and until when. */
async function claimedError(db: Db, claim: ClaimRow, locale: Locale): Promise<AppError> {
  const card = (await getUserCards(db, [claim.moderator_id])).get(claim.moderator_id);
  const name = card?.displayName ?? '—';
  const until = formatTime(locale, claim.expires_at);
  return new AppError('review_claimed', {
    detail:
      locale === 'de'
        ? `${name} prüft dieses Nano bis ${until} Uhr. Danach oder nach deren Entscheidung können Sie es übernehmen.`
        : `${name} is reviewing this Nano until ${until}. You can take it over after that or once they have decided.`,
    extensions: {
      claim: {
        by: { id: claim.moderator_id, username: card?.username ?? '', displayName: name },
        expiresAt: claim.expires_at.toISOString(),
      },
    },
  });
}

/**
 * Refuses (409 `review_claimed`) when someone other than `userId` holds an unexpired claim on the
 * Nano; locks the claim row in the caller's transaction.
 */
export async function assertNotClaimedByOther(
  db: Db,
  input: { nanoId: string; userId: string; now: Date; locale: Locale },
): Promise<void> {
  const claim = await reviewRepo.findClaimForUpdate(db, input.nanoId);
  if (claim && claim.moderator_id !== input.userId && claim.expires_at > input.now) {
    throw await claimedError(db, claim, input.locale);
  }
}

/**
 * Claims (or renews) the review of a Nano for the calling moderator. Someone else's unexpired
 * claim answers 409 `review_claimed`; their own Nano 403; a Nano with nothing to review 409.
 */
export async function claimReview(
  deps: CatalogDeps,
  auth: AuthContext,
  nanoId: string,
  locale: Locale,
): Promise<ReviewClaim> {
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + MODERATION_LIMITS.claimMinutes * 60_000);
  await deps.db.transaction().execute(async (trx) => {
    const nano = await repo.findNanoForUpdate(trx, nanoId);
    if (!nano || nano.status === 'deleted') {
      throw new AppError('not_found');
    }
    if (nano.creator_id === auth.userId) {
      throw new AppError('forbidden', { detail: 'own_nano' });
    }
    const waiting =
      (await reviewRepo.findPendingVersion(trx, nanoId)) ?? (await reviewRepo.findOpenSample(trx, nanoId));
    if (!waiting) {
      throw new AppError('conflict', { detail: 'nothing_to_review' });
    }
    const existing = await reviewRepo.findClaimForUpdate(trx, nanoId);
    if (existing && existing.moderator_id !== auth.userId && existing.expires_at > now) {
      throw await claimedError(trx, existing, locale);
    }
    await reviewRepo.upsertClaim(trx, { nanoId, moderatorId: auth.userId, claimedAt: now, expiresAt });
    if (!existing || existing.moderator_id !== auth.userId || existing.expires_at <= now) {
      await deps.audit.record(
        {
          actorId: auth.userId,
          action: 'moderation.review_claimed',
          targetType: 'nano',
          targetId: nanoId,
          details: {
            expiresAt: expiresAt.toISOString(),
            ...(existing ? { before: { moderatorId: existing.moderator_id } } : {}),
          },
        },
        trx,
      );
    }
  });
  const claim = (await activeClaims(deps.db, [nanoId], now)).get(nanoId);
  if (!claim) {
    throw new AppError('conflict');
  }
  return claim;
}

/** Releases the caller's claim (an admin may release anyone's). Releasing nothing is fine. */
export async function releaseReview(deps: CatalogDeps, auth: AuthContext, nanoId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const existing = await reviewRepo.findClaimForUpdate(trx, nanoId);
    if (!existing) {
      return;
    }
    const expired = existing.expires_at <= deps.clock.now();
    if (existing.moderator_id !== auth.userId && auth.role !== 'admin' && !expired) {
      throw new AppError('forbidden', { detail: 'claim_of_other_moderator' });
    }
    if (!isStaff(auth)) {
      throw new AppError('forbidden');
    }
    await reviewRepo.deleteClaim(trx, nanoId);
    await deps.audit.record(
      {
        actorId: auth.userId,
        action: 'moderation.review_released',
        targetType: 'nano',
        targetId: nanoId,
        details: {
          before: { moderatorId: existing.moderator_id, expiresAt: existing.expires_at.toISOString() },
        },
      },
      trx,
    );
  });
}
