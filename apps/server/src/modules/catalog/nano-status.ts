import type { NanoStatus } from '@nano/contracts';
import { AppError } from '../../errors.ts';

/** Everything that moves a Nano between statuses (SPEC §4.2). */
export type NanoAction =
  | 'submit'
  | 'approve'
  | 'request_changes'
  | 'reject'
  | 'archive'
  | 'restore'
  | 'delete'
  | 'edit'
  | 'hide'
  | 'unhide'
  | 'restore_published';

/** Who acts: the Nano's owner, a moderator, or an admin (admins may do what moderators may). */
export type NanoActor = 'owner' | 'moderator' | 'admin';

interface Rule {
  from: readonly NanoStatus[];
  to: NanoStatus | 'unchanged';
  by: readonly NanoActor[];
}

const STAFF = ['moderator', 'admin'] as const;

/**
 * The whole status machine in one table. draft → pending_review → published, or →
 * changes_requested → (edit) → pending_review, or → rejected (final unless an appeal succeeds);
 * published → archived (owner or staff) → pending_review (restore); any → deleted (owner or admin).
 * Moderation (flags, takedown notices, appeals): published ⇄ hidden ("wird geprüft") by staff; a
 * reversed decision puts an archived, hidden or rejected Nano back online (restore_published).
 */
export const NANO_TRANSITIONS: Record<NanoAction, Rule> = {
  submit: { from: ['draft', 'changes_requested'], to: 'pending_review', by: ['owner'] },
  approve: { from: ['pending_review'], to: 'published', by: STAFF },
  request_changes: { from: ['pending_review'], to: 'changes_requested', by: STAFF },
  reject: { from: ['pending_review'], to: 'rejected', by: STAFF },
  archive: { from: ['published', 'hidden'], to: 'archived', by: ['owner', ...STAFF] },
  restore: { from: ['archived'], to: 'pending_review', by: ['owner'] },
  delete: {
    from: ['draft', 'pending_review', 'changes_requested', 'published', 'hidden', 'rejected', 'archived'],
    to: 'deleted',
    by: ['owner', 'admin'],
  },
  hide: { from: ['published'], to: 'hidden', by: STAFF },
  unhide: { from: ['hidden'], to: 'published', by: STAFF },
  restore_published: { from: ['archived', 'hidden', 'rejected'], to: 'published', by: STAFF },
  // Metadata edits: while not under review, not hidden by moderation and not final. Edits of a
  // published Nano stay live.
  edit: { from: ['draft', 'changes_requested', 'published', 'archived'], to: 'unchanged', by: ['owner'] },
};

/** Whether `actor` may perform `action` on a Nano in `status`. */
export function canTransition(status: NanoStatus, action: NanoAction, actor: NanoActor): boolean {
  const rule = NANO_TRANSITIONS[action];
  return rule.from.includes(status) && rule.by.includes(actor);
}

/**
 * The status after `action`, or a 409 problem for an illegal transition (403 when the status
 * would allow it but this actor may not).
 */
export function nextStatus(status: NanoStatus, action: NanoAction, actor: NanoActor): NanoStatus {
  const rule = NANO_TRANSITIONS[action];
  if (!rule.from.includes(status)) {
    throw new AppError('conflict', { detail: `${action}:${status}` });
  }
  if (!rule.by.includes(actor)) {
    throw new AppError('forbidden');
  }
  return rule.to === 'unchanged' ? status : rule.to;
}
