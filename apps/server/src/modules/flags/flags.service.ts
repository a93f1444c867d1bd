import type { FlagReason, flagSchema } from '@nano/contracts';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import * as repo from './flags.repository.ts';
import type { FlagRow, FlagTargetType } from './flags.tables.ts';

type Db = Kysely<Database>;
type Flag = z.output<typeof flagSchema>;

/** What a user reports. The caller has checked that the reporter may see (and flag) the target. */
export interface NewFlag {
  reporterId: string;
  targetType: FlagTargetType;
  targetId: string;
  reason: FlagReason;
  description: string;
}

/** An open flag as the moderation lists show it. */
export interface OpenFlag {
  targetId: string;
  reason: FlagReason;
  description: string;
  createdAt: string;
}

export function presentFlag(row: FlagRow): Flag {
  return {
    id: row.id,
    targetType: row.target_type,
    targetId: row.target_id,
    reason: row.reason,
    status: row.status,
    createdAt: row.created_at.toISOString(),
  };
}

/**
 * Stores a user's flag. A second open flag of the same reporter on the same target is refused
 * (`flag_exists`, 409); once the moderators resolved the first, a new one is possible.
 */
export async function createFlag(db: Db, now: Date, input: NewFlag): Promise<Flag> {
  const row = await repo.insertOpenFlag(db, {
    id: uuidv7(),
    reporter_id: input.reporterId,
    target_type: input.targetType,
    target_id: input.targetId,
    reason: input.reason,
    description: input.description,
    created_at: now,
  });
  if (!row) {
    throw new AppError('flag_exists');
  }
  return presentFlag(row);
}

/** The open flags of these targets, by target id, oldest first. */
export async function openFlagsByTarget(
  db: Db,
  targetType: FlagTargetType,
  targetIds: string[],
): Promise<Map<string, OpenFlag[]>> {
  const byTarget = new Map<string, OpenFlag[]>();
  for (const row of await repo.openFlagsOf(db, targetType, targetIds)) {
    const flags = byTarget.get(row.target_id) ?? [];
    flags.push({
      targetId: row.target_id,
      reason: row.reason,
      description: row.description,
      createdAt: row.created_at.toISOString(),
    });
    byTarget.set(row.target_id, flags);
  }
  return byTarget;
}

/** A page of the flagged targets of one type (the longest waiting first) and how many there are. */
export function flaggedTargets(
  db: Db,
  targetType: FlagTargetType,
  page: { offset: number; limit: number },
): Promise<{ ids: string[]; total: number }> {
  return repo.openTargets(db, targetType, page.offset, page.limit);
}

/** Resolves the open flags of a target with the moderators' decision; returns how many there were. */
export function resolveFlags(
  db: Db,
  target: { type: FlagTargetType; id: string },
  decision: { resolution: string; note?: string; resolvedBy: string; at: Date },
): Promise<number> {
  return repo.resolveOpenFlags(db, target, {
    resolution: decision.resolution,
    note: decision.note ?? null,
    resolvedBy: decision.resolvedBy,
    at: decision.at,
  });
}

/** One flag; undefined when unknown. */
export function findFlag(db: Db, id: string): Promise<FlagRow | undefined> {
  return repo.findFlag(db, id);
}

/**
 * A page of flagged targets of one status (of one type, or all) and their number: open ones the
 * longest waiting first, resolved ones the most recently resolved first.
 */
export function flagGroups(
  db: Db,
  filter: { status: 'open' | 'resolved'; targetType?: FlagTargetType | undefined },
  page: { offset: number; limit: number },
): Promise<{ rows: repo.FlagGroupRow[]; total: number }> {
  return repo.flagGroups(db, filter, page);
}

/** The flags of these targets with this status, oldest first. */
export function flagsOfTargets(
  db: Db,
  status: 'open' | 'resolved',
  targets: Array<{ type: FlagTargetType; id: string }>,
): Promise<FlagRow[]> {
  return repo.flagsOfTargets(db, status, targets);
}

/**
 * Resolves the open flags of a target with a moderator's decision (in the caller's transaction)
 * and returns them, so the caller can tell their reporters the outcome.
 */
export function resolveFlagsOf(
  db: Db,
  target: { type: FlagTargetType; id: string },
  decision: { resolution: string; resolvedBy: string; at: Date },
): Promise<FlagRow[]> {
  return repo.resolveOpenFlagsReturning(db, target, {
    resolution: decision.resolution,
    note: null,
    resolvedBy: decision.resolvedBy,
    at: decision.at,
  });
}
