import { NANO_STATUSES, type NanoStatus } from '@nano/contracts';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { type NanoAction, type NanoActor, nextStatus } from './nano-status.ts';

/** The spec's machine, written out as every allowed (status, action, actor) → next status. */
const ALLOWED: Array<[NanoStatus, NanoAction, NanoActor, NanoStatus]> = [
  ['draft', 'submit', 'owner', 'pending_review'],
  ['changes_requested', 'submit', 'owner', 'pending_review'],
  ['pending_review', 'approve', 'moderator', 'published'],
  ['pending_review', 'approve', 'admin', 'published'],
  ['pending_review', 'request_changes', 'moderator', 'changes_requested'],
  ['pending_review', 'reject', 'moderator', 'rejected'],
  ['published', 'archive', 'owner', 'archived'],
  ['published', 'archive', 'moderator', 'archived'],
  ['archived', 'restore', 'owner', 'pending_review'],
  ['draft', 'delete', 'owner', 'deleted'],
  ['published', 'delete', 'admin', 'deleted'],
  ['rejected', 'delete', 'owner', 'deleted'],
  ['pending_review', 'delete', 'owner', 'deleted'],
  ['changes_requested', 'delete', 'owner', 'deleted'],
  ['archived', 'delete', 'admin', 'deleted'],
  ['archived', 'edit', 'owner', 'archived'],
  ['draft', 'edit', 'owner', 'draft'],
  ['changes_requested', 'edit', 'owner', 'changes_requested'],
  ['published', 'edit', 'owner', 'published'],
  ['published', 'hide', 'moderator', 'hidden'],
  ['published', 'hide', 'admin', 'hidden'],
  ['hidden', 'unhide', 'moderator', 'published'],
  ['hidden', 'archive', 'owner', 'archived'],
  ['hidden', 'archive', 'moderator', 'archived'],
  ['hidden', 'delete', 'owner', 'deleted'],
  ['hidden', 'delete', 'admin', 'deleted'],
  ['archived', 'restore_published', 'moderator', 'published'],
  ['hidden', 'restore_published', 'moderator', 'published'],
  ['rejected', 'restore_published', 'admin', 'published'],
];

const ACTIONS: NanoAction[] = [
  'submit',
  'approve',
  'request_changes',
  'reject',
  'archive',
  'restore',
  'delete',
  'edit',
  'hide',
  'unhide',
  'restore_published',
];

describe('Nano status machine', () => {
  it.each(ALLOWED)('%s --%s by %s--> %s', (from, action, actor, to) => {
    expect(nextStatus(from, action, actor)).toBe(to);
  });

  it('answers 409 for every transition the table does not allow from a status', () => {
    for (const status of NANO_STATUSES) {
      for (const action of ACTIONS) {
        const allowedSomehow = ALLOWED.some(([from, a]) => from === status && a === action);
        if (allowedSomehow) {
          continue;
        }
        for (const actor of ['owner', 'moderator', 'admin'] as const) {
          expect(() => nextStatus(status, action, actor), `${status} ${action} ${actor}`).toThrow(
            expect.objectContaining({ status: 409 }),
          );
        }
      }
    }
  });

  it('keeps rejected final (but for a reversed decision) and deleted terminal', () => {
    for (const action of ACTIONS.filter((a) => a !== 'delete' && a !== 'restore_published')) {
      expect(() => nextStatus('rejected', action, 'admin')).toThrow(AppError);
    }
    for (const action of ACTIONS) {
      expect(() => nextStatus('deleted', action, 'admin')).toThrow(AppError);
    }
  });

  it('forbids owners to approve their own Nano and moderators to delete', () => {
    expect(() => nextStatus('pending_review', 'approve', 'owner')).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    expect(() => nextStatus('published', 'delete', 'moderator')).toThrow(
      expect.objectContaining({ status: 403 }),
    );
  });

  it('lets only staff hide, unhide and reinstate, and nobody edit a hidden Nano', () => {
    expect(() => nextStatus('published', 'hide', 'owner')).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => nextStatus('hidden', 'unhide', 'owner')).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => nextStatus('archived', 'restore_published', 'owner')).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    expect(() => nextStatus('hidden', 'edit', 'owner')).toThrow(expect.objectContaining({ status: 409 }));
    expect(() => nextStatus('hidden', 'restore', 'owner')).toThrow(expect.objectContaining({ status: 409 }));
  });
});
