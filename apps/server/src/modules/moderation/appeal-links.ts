import type { Appeal, appealLinkRequestSchema, Locale, ModerationDecision } from '@nano/contracts';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import { anonymizeIp } from '../../lib/anonymize-ip.ts';
import { verifyAppealToken } from './appeal-link-token.ts';
import { createAppeal } from './appeals.service.ts';
import * as decisions from './decisions.repository.ts';
import { presentDecision } from './decisions.service.ts';
import type { ModerationDeps } from './moderation.deps.ts';

/**
 * Appeal by link (EU DSA Art. 20): a suspended user cannot sign in, so the statement of reasons of
 * a suspension carries a signed link (see appeal-link-token.ts) to see the decision and appeal it
 * without an account session. Nothing is stored: the decision's own appeal period bounds the
 * link, and an appeal is possible only once anyway.
 */

/** Requests (both views and appeals) one network may make per hour on the appeal-link routes. */
export const APPEAL_LINK_REQUESTS_PER_HOUR = 30;
const HOUR_MS = 60 * 60 * 1000;

export type AppealLinkDeps = Pick<ModerationDeps, 'db' | 'clock' | 'cache' | 'audit' | 'secret'>;

/** Who follows the link, for the rate limit and the audit log. */
export interface LinkContext {
  ip: string;
  userAgent: string | undefined;
  locale: Locale;
}

/**
 * Counts one request against the sender's network (anonymised /24 or /48) in the clock's current
 * hour, shared by every instance through the cache, like the takedown form.
 */
async function takeRateLimit(deps: AppealLinkDeps, ip: string): Promise<void> {
  const network = anonymizeIp(ip) ?? 'unknown';
  const now = deps.clock.now().getTime();
  const windowStart = Math.floor(now / HOUR_MS) * HOUR_MS;
  const { count } = await deps.cache.increment(`appeal-link:rate:${network}:${windowStart}`, HOUR_MS);
  if (count > APPEAL_LINK_REQUESTS_PER_HOUR) {
    const retryAfter = Math.max(1, Math.ceil((windowStart + HOUR_MS - now) / 1000));
    throw new AppError('rate_limited', {
      headers: { 'retry-after': String(retryAfter) },
      extensions: { retryAfterSeconds: retryAfter },
    });
  }
}

/**
 * The decision behind a token: 400 `appeal_link_invalid` when the token is malformed, forged, or
 * no longer matches the decision (gone, no affected user, another appeal period).
 */
async function linkedDecision(deps: AppealLinkDeps, token: string) {
  const claim = verifyAppealToken(deps.secret, token);
  const decision = claim ? await decisions.decisionById(deps.db, claim.decisionId) : undefined;
  if (!claim || !decision?.affected_user_id || decision.appealable_until?.getTime() !== claim.exp) {
    throw new AppError('appeal_link_invalid');
  }
  return { decision, appellantId: decision.affected_user_id };
}

/** `GET /appeal-links/{token}`: the decision the link is about (also once its period is over). */
export async function decisionByLink(
  deps: AppealLinkDeps,
  context: LinkContext,
  token: string,
): Promise<ModerationDecision> {
  await takeRateLimit(deps, context.ip);
  const { decision } = await linkedDecision(deps, token);
  return presentDecision(decision);
}

/**
 * `POST /appeal-links/{token}`: the affected user appeals without signing in, under the same rules
 * as `POST /appeals` (once, within the period, only a restricting decision not reversed), in one
 * transaction with the audit event (actor: the affected user, via the link).
 */
export async function appealByLink(
  deps: AppealLinkDeps,
  context: LinkContext,
  token: string,
  input: z.output<typeof appealLinkRequestSchema>,
): Promise<Appeal> {
  await takeRateLimit(deps, context.ip);
  const { decision, appellantId } = await linkedDecision(deps, token);
  return deps.db.transaction().execute(async (trx) => {
    const appeal = await createAppeal({ db: trx, clock: deps.clock }, appellantId, {
      decisionId: decision.id,
      text: input.text,
    });
    await deps.audit.record(
      {
        actorId: appellantId,
        action: 'moderation.appeal_submitted',
        targetType: 'appeal',
        targetId: appeal.id,
        details: {
          decisionId: decision.id,
          decisionAction: decision.action,
          via: 'link',
          target: { type: decision.target_type, id: decision.target_id },
        },
        ip: context.ip,
        userAgent: context.userAgent ?? null,
      },
      trx,
    );
    return appeal;
  });
}
