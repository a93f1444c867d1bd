import type { FlagDetail, FlagQueueItem, FlagTargetType, flagQueueQuerySchema } from '@nano/contracts';
import type { z } from 'zod';
import { errors } from '../../errors.ts';
import { DELETED_USER_NAME } from '../chat/chat.presenter.ts';
import { conversationAround } from '../chat/chat-flag-moderation.ts';
import { findFlag, flagGroups, flagsOfTargets, openFlagsByTarget } from '../flags/flags.service.ts';
import type { FlagRow } from '../flags/flags.tables.ts';
import { decisionsAbout } from './decisions.service.ts';
import {
  ALLOWED_FLAG_ACTIONS,
  contextText,
  type FlagTarget,
  loadFlagTarget,
  personsOf,
} from './flag-targets.ts';
import { type ActorContext, auditBy } from './moderation.context.ts';
import type { ModerationDeps } from './moderation.deps.ts';
import { ageHours, slaState } from './overview.sla.ts';

type Deps = Pick<ModerationDeps, 'db' | 'clock' | 'audit'>;
type QueueQuery = z.output<typeof flagQueueQuerySchema>;

/** Messages shown before and after a flagged message in its detail. */
export const CONTEXT_MESSAGES = 5;
/** Earlier decisions about the owner shown with a flag. */
const OWNER_HISTORY_MAX = 20;

interface FlagGroup {
  type: FlagTargetType;
  id: string;
  flags: FlagRow[];
}

function groupOf(rows: FlagRow[]): FlagGroup[] {
  const groups = new Map<string, FlagGroup>();
  for (const row of rows) {
    const key = `${row.target_type}:${row.target_id}`;
    const group = groups.get(key) ?? { type: row.target_type, id: row.target_id, flags: [] };
    group.flags.push(row);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** A gone target keeps the label its last decision gave it. */
async function labelOfGone(deps: Deps, target: FlagTarget): Promise<string> {
  const [last] = await decisionsAbout(deps.db, { target: { type: target.type, id: target.id } }, 1);
  return last?.targetLabel ?? '';
}

async function presentGroups(
  deps: Deps,
  groups: FlagGroup[],
): Promise<Array<{ item: FlagQueueItem; target: FlagTarget }>> {
  const now = deps.clock.now();
  const targets = await Promise.all(groups.map((g) => loadFlagTarget(deps.db, g.type, g.id)));
  const persons = await personsOf(deps.db, [
    ...targets.map((t) => t.ownerId),
    ...groups.flatMap((g) => g.flags.map((f) => f.reporter_id)),
  ]);
  return Promise.all(
    groups.map(async (group, index) => {
      const target = targets[index] as FlagTarget;
      const [first] = group.flags as [FlagRow, ...FlagRow[]];
      const resolvedAt = group.flags.reduce<Date | null>(
        (latest, f) => (f.resolved_at && (!latest || f.resolved_at > latest) ? f.resolved_at : latest),
        null,
      );
      const age = ageHours(first.created_at, first.status === 'open' ? now : (resolvedAt ?? now));
      const reporter = (id: string | null) => {
        const person = id ? persons.get(id) : undefined;
        return person ? { username: person.username, displayName: person.displayName } : null;
      };
      const item: FlagQueueItem = {
        id: first.id,
        target: {
          type: group.type,
          id: group.id,
          label: target.exists || target.label ? target.label : await labelOfGone(deps, target),
          owner: target.ownerId ? (persons.get(target.ownerId) ?? null) : null,
          nanoId: target.nanoId,
          exists: target.exists,
        },
        flags: group.flags.map((f) => ({
          id: f.id,
          reason: f.reason,
          description: f.description,
          reporter: reporter(f.reporter_id),
          status: f.status,
          resolution: f.resolution,
          createdAt: f.created_at.toISOString(),
          resolvedAt: f.resolved_at?.toISOString() ?? null,
        })),
        firstFlaggedAt: first.created_at.toISOString(),
        ageHours: age,
        sla: slaState(age),
      };
      return { item, target };
    }),
  );
}

/**
 * The flag queue: flagged targets with their flags, open ones the longest waiting first (with the
 * SLA state of their age), resolved ones the most recently resolved first.
 */
export async function listFlagQueue(
  deps: Deps,
  query: QueueQuery,
): Promise<{ items: FlagQueueItem[]; total: number; page: number; pageSize: number }> {
  const { rows, total } = await flagGroups(
    deps.db,
    { status: query.status, targetType: query.targetType },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  const flags = await flagsOfTargets(
    deps.db,
    query.status,
    rows.map((row) => ({ type: row.target_type, id: row.target_id })),
  );
  const byKey = new Map(groupOf(flags).map((g) => [`${g.type}:${g.id}`, g]));
  const groups = rows
    .map((row) => byKey.get(`${row.target_type}:${row.target_id}`))
    .filter((g): g is FlagGroup => g !== undefined);
  const items = (await presentGroups(deps, groups)).map((p) => p.item);
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/**
 * The flags handled together with this one: the open flags of its target while it is open,
 * otherwise those resolved in the same decision.
 */
export async function flagGroupOf(deps: Pick<ModerationDeps, 'db'>, flagId: string): Promise<FlagGroup> {
  const flag = await findFlag(deps.db, flagId);
  if (!flag) {
    throw errors.notFound();
  }
  const target = { type: flag.target_type, id: flag.target_id };
  const rows = await flagsOfTargets(deps.db, flag.status, [target]);
  const together =
    flag.status === 'open'
      ? rows
      : rows.filter((row) => row.resolved_at?.getTime() === flag.resolved_at?.getTime());
  return { ...target, flags: together.length > 0 ? together : [flag] };
}

/**
 * One flagged target in context for a moderator: a message with the conversation around it, a
 * comment with its score, a Nano with its description and status, a user with their bio; the
 * owner's earlier decisions and the actions that fit. Reading it is audited.
 */
export async function flagDetail(deps: Deps, actor: ActorContext, flagId: string): Promise<FlagDetail> {
  const group = await flagGroupOf(deps, flagId);
  const [presented] = await presentGroups(deps, [group]);
  if (!presented) {
    throw errors.notFound();
  }
  const { item, target } = presented;
  const context: FlagDetail['context'] = { text: contextText(target) };
  if (target.message) {
    const around = await conversationAround(
      deps.db,
      target.message,
      CONTEXT_MESSAGES,
      DELETED_USER_NAME[actor.locale],
    );
    // The flagged message and any other one in view with open flags are highlighted.
    const open = await openFlagsByTarget(
      deps.db,
      'message',
      around.map((m) => m.id),
    );
    const flagged = new Set([target.message.id, ...open.keys()]);
    context.messages = around.map((m) => ({ ...m, flagged: flagged.has(m.id) }));
  }
  if (target.rating) {
    context.rating = { score: target.rating.score, hidden: target.rating.commentHidden };
  }
  if (target.nano) {
    context.nanoStatus = target.nano.status;
  }
  const ownerHistory = target.ownerId
    ? await decisionsAbout(deps.db, { userId: target.ownerId }, OWNER_HISTORY_MAX)
    : [];
  await deps.audit.record({
    ...auditBy(actor),
    action: 'moderation.flag_viewed',
    targetType: 'flag',
    targetId: item.id,
    details: { target: { type: target.type, id: target.id }, flagIds: item.flags.map((f) => f.id) },
  });
  return { ...item, context, ownerHistory, allowedActions: [...ALLOWED_FLAG_ACTIONS[target.type]] };
}
