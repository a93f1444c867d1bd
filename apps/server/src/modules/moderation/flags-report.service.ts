import { type CreateFlagRequest, type flagSchema, MODERATION_LIMITS } from '@nano/contracts';
import type { z } from 'zod';
import { AppError, errors } from '../../errors.ts';
import { messageToFlag } from '../chat/chat-messages.service.ts';
import { createFlag } from '../flags/flags.service.ts';
import { loadFlagTarget } from './flag-targets.ts';
import type { ModerationDeps } from './moderation.deps.ts';

type Flag = z.output<typeof flagSchema>;
type FlagInput = Required<CreateFlagRequest>;

const HOUR_MS = 60 * 60 * 1000;

/**
 * Counts one report against the reporter's hourly limit (MODERATION_LIMITS.flagsPerHour), shared
 * by every instance through the cache. The window is the clock's current hour, so tests move it
 * with their clock.
 */
async function takeFlagLimit(deps: Pick<ModerationDeps, 'cache' | 'clock'>, userId: string): Promise<void> {
  const now = deps.clock.now().getTime();
  const windowStart = Math.floor(now / HOUR_MS) * HOUR_MS;
  const { count } = await deps.cache.increment(`flags:rate:${userId}:${windowStart}`, HOUR_MS);
  if (count > MODERATION_LIMITS.flagsPerHour) {
    const retryAfter = Math.max(1, Math.ceil((windowStart + HOUR_MS - now) / 1000));
    throw new AppError('flag_rate_limited', { headers: { 'retry-after': String(retryAfter) } });
  }
}

/**
 * Whose the target is, when the reporter may see it; otherwise not found (its existence stays
 * private). A Nano must be published; a rating must belong to a published Nano; a message must be
 * one the reporter reads as a party of its chat (the chat's own rule); a user must not be erased.
 */
async function ownerOfVisibleTarget(
  deps: Pick<ModerationDeps, 'db'>,
  reporterId: string,
  input: Pick<FlagInput, 'targetType' | 'targetId'>,
): Promise<string | null> {
  if (input.targetType === 'message') {
    return (await messageToFlag(deps, reporterId, input.targetId)).senderId;
  }
  const target = await loadFlagTarget(deps.db, input.targetType, input.targetId);
  const visible =
    target.exists &&
    (target.nano?.status === 'published' ||
      target.rating?.nanoStatus === 'published' ||
      target.user !== undefined);
  if (!visible) {
    throw errors.notFound();
  }
  return target.ownerId;
}

/**
 * A user reports a Nano, a rating, a chat message or a user to the moderators. Not their own
 * content and not themselves (`flag_own`); one open flag per reporter and target (`flag_exists`);
 * at most MODERATION_LIMITS.flagsPerHour reports an hour (`flag_rate_limited`).
 */
export async function reportFlag(deps: ModerationDeps, reporterId: string, input: FlagInput): Promise<Flag> {
  await takeFlagLimit(deps, reporterId);
  const ownerId = await ownerOfVisibleTarget(deps, reporterId, input);
  if (ownerId === reporterId) {
    throw new AppError('flag_own');
  }
  return createFlag(deps.db, deps.clock.now(), {
    reporterId,
    targetType: input.targetType,
    targetId: input.targetId,
    reason: input.reason,
    description: input.description,
  });
}
