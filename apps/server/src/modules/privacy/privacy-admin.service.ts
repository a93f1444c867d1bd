import {
  type DataInventory,
  ERASED_USER_NAME,
  type ErasureNanoChoice,
  MAX_PAGE_SIZE,
  type PrivacyRequest,
  type PrivacyRequestStatus,
  type PrivacyRequestType,
  type RecordPrivacyRequest,
} from '@nano/contracts';
import { AppError, errors } from '../../errors.ts';
import type { AdminActor } from '../admin/admin-request.ts';
import { dataInventory } from './data-inventory.ts';
import { eraseAccount } from './erasure.service.ts';
import { stopPendingErasure } from './erasure-request.service.ts';
import { exportForUser } from './exports.service.ts';
import type { PrivacyDeps } from './privacy.deps.ts';
import {
  createPrivacyRequest,
  findPrivacyRequest,
  listPrivacyRequests,
  lockPrivacyRequest,
  OPEN_REQUEST_STATUSES,
  type PrivacyRequestListRow,
  setPrivacyRequestNote,
  setPrivacyRequestStatus,
} from './privacy-requests.repository.ts';

/**
 * The admin DSGVO console (SPEC §4.7, docs/privacy.md): data-subject requests with their 30-day
 * due dates, requests received by email or letter, running an export or erasure on a user's
 * behalf, and the data inventory of an account. Every change and every inventory view is audited.
 */

/** Presents one request row; an erased account shows the erased name, never what it was. */
export function presentPrivacyRequest(row: PrivacyRequestListRow, now: Date): PrivacyRequest {
  const open = (OPEN_REQUEST_STATUSES as readonly string[]).includes(row.status);
  return {
    id: row.id,
    type: row.type,
    status: row.status,
    channel: row.channel,
    user:
      row.user_id && row.user_status
        ? {
            id: row.user_id,
            displayName: row.user_status === 'deleted' ? ERASED_USER_NAME.de : (row.user_display_name ?? ''),
            username: row.user_status === 'deleted' ? null : row.user_username,
            status: row.user_status,
          }
        : null,
    receivedAt: row.received_at.toISOString(),
    dueAt: row.due_at.toISOString(),
    overdue: open && row.due_at.getTime() < now.getTime(),
    completedAt: row.completed_at?.toISOString() ?? null,
    verificationNote: row.verification_note,
    note: row.note,
    recordedBy:
      row.recorded_by && row.recorder_display_name !== null
        ? { id: row.recorded_by, displayName: row.recorder_display_name }
        : null,
    exportId: row.export_id,
  };
}

/** `GET /admin/privacy-requests`: every request, the earliest due date first. */
export async function listRequests(
  deps: PrivacyDeps,
  query: {
    status?: PrivacyRequestStatus | undefined;
    type?: PrivacyRequestType | undefined;
    overdue?: boolean | undefined;
    userId?: string | undefined;
    page: number;
    pageSize: number;
  },
) {
  const now = deps.clock.now();
  const pageSize = Math.min(MAX_PAGE_SIZE, query.pageSize);
  const { rows, total } = await listPrivacyRequests(
    deps.db,
    {
      status: query.status,
      type: query.type,
      overdue: query.overdue,
      userId: query.userId,
      offset: (query.page - 1) * pageSize,
      limit: pageSize,
    },
    now,
  );
  return { items: rows.map((row) => presentPrivacyRequest(row, now)), total, page: query.page, pageSize };
}

async function loadRequest(deps: PrivacyDeps, id: string): Promise<PrivacyRequest> {
  const row = await findPrivacyRequest(deps.db, id);
  if (!row) {
    throw errors.notFound();
  }
  return presentPrivacyRequest(row, deps.clock.now());
}

/**
 * `POST /admin/privacy-requests`: records a request received by email or letter, after the admin
 * verified the requester's identity (the note says how; Art. 12(6)). The due date counts from the
 * day it was received, which cannot lie in the future. The notes stay out of the audit log.
 */
export async function recordRequest(
  deps: PrivacyDeps,
  actor: AdminActor,
  input: RecordPrivacyRequest,
): Promise<PrivacyRequest> {
  const now = deps.clock.now();
  const receivedAt = new Date(input.receivedAt);
  if (receivedAt.getTime() > now.getTime()) {
    throw new AppError('privacy_request_in_future', {
      fieldErrors: [{ field: 'body.receivedAt', code: 'received_in_future' }],
    });
  }
  const user = await deps.db
    .selectFrom('users')
    .select(['id', 'status'])
    .where('id', '=', input.userId)
    .executeTakeFirst();
  if (!user) {
    throw errors.field('body.userId', 'unknown_user');
  }
  if (user.status === 'deleted') {
    throw errors.conflict('account_deleted');
  }
  const id = await deps.db.transaction().execute(async (trx) => {
    const created = await createPrivacyRequest(
      trx,
      {
        userId: input.userId,
        type: input.type,
        channel: input.channel,
        receivedAt,
        status: 'open',
        verificationNote: input.verificationNote,
        note: input.note ?? null,
        recordedBy: actor.userId,
      },
      now,
    );
    await deps.audit.record(
      {
        actorId: actor.userId,
        action: 'privacy.request_recorded',
        targetType: 'privacy_request',
        targetId: created,
        details: { userId: input.userId, type: input.type, channel: input.channel },
        ip: actor.ip,
        userAgent: actor.userAgent,
      },
      trx,
    );
    return created;
  });
  return loadRequest(deps, id);
}

/**
 * `PATCH /admin/privacy-requests/{id}`: a status change (e.g. a rectification done, a request
 * rejected) and/or the handling note. Rejecting needs a reason in the note. Audited with the
 * status before and after (the note's text stays out of the log, only that it changed).
 */
export async function updateRequest(
  deps: PrivacyDeps,
  actor: AdminActor,
  id: string,
  input: { status?: PrivacyRequestStatus | undefined; note?: string | undefined },
): Promise<PrivacyRequest> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const current = await lockPrivacyRequest(trx, id);
    if (!current) {
      throw errors.notFound();
    }
    const note = input.note === undefined ? current.note : input.note || null;
    if (input.status === 'rejected' && !note) {
      throw errors.field('body.note', 'reasons_required');
    }
    const statusChanged = input.status !== undefined && input.status !== current.status;
    const noteChanged = input.note !== undefined && note !== current.note;
    if (!statusChanged && !noteChanged) {
      return;
    }
    if (noteChanged) {
      await setPrivacyRequestNote(trx, id, note, now);
    }
    if (statusChanged && input.status) {
      await setPrivacyRequestStatus(trx, id, input.status, now);
    }
    // Closing a self-service erasure request unanswered stops its scheduled erasure.
    const erasureStopped =
      current.type === 'erasure' &&
      (input.status === 'cancelled' || input.status === 'rejected') &&
      (await stopPendingErasure(trx, id, now)) !== null;
    await deps.audit.record(
      {
        actorId: actor.userId,
        action: 'privacy.request_updated',
        targetType: 'privacy_request',
        targetId: id,
        details: {
          type: current.type,
          before: { status: current.status },
          after: { status: input.status ?? current.status },
          noteChanged,
          erasureStopped,
        },
        ip: actor.ip,
        userAgent: actor.userAgent,
      },
      trx,
    );
  });
  return loadRequest(deps, id);
}

/** A request that can still be acted on, of the expected type, for a user who still exists. */
async function actionableRequest(
  deps: PrivacyDeps,
  id: string,
  type: PrivacyRequestType,
): Promise<PrivacyRequest & { user: NonNullable<PrivacyRequest['user']> }> {
  const request = await loadRequest(deps, id);
  if (request.type !== type) {
    throw errors.conflict(`request_type:${request.type}`);
  }
  if (!(OPEN_REQUEST_STATUSES as readonly string[]).includes(request.status)) {
    throw errors.conflict(`request_status:${request.status}`);
  }
  if (!request.user || request.user.status === 'deleted') {
    throw errors.conflict('account_deleted');
  }
  return request as PrivacyRequest & { user: NonNullable<PrivacyRequest['user']> };
}

/**
 * `POST /admin/privacy-requests/{id}/run-export`: starts the export for the user as if they had
 * asked in their settings; the request goes `in_progress` (the export job completes it when the
 * ZIP is ready). The file goes to the data subject only (their download page and email), never to
 * the admin: the admin must not see more of the user's data than handling the request needs.
 */
export async function runExport(
  deps: PrivacyDeps,
  actor: AdminActor,
  id: string,
): Promise<{ exportId: string }> {
  const request = await actionableRequest(deps, id, 'export');
  const started = await exportForUser(deps, request.user.id, {
    requestedBy: actor.userId,
    requestId: id,
    ip: actor.ip,
    userAgent: actor.userAgent,
  });
  const exportId = started.id;
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    if (request.status !== 'in_progress') {
      await setPrivacyRequestStatus(trx, id, 'in_progress', now);
    }
    await deps.audit.record(
      {
        actorId: actor.userId,
        action: 'privacy.request_export_run',
        targetType: 'privacy_request',
        targetId: id,
        details: { userId: request.user.id, exportId },
        ip: actor.ip,
        userAgent: actor.userAgent,
      },
      trx,
    );
  });
  return { exportId };
}

/**
 * `POST /admin/privacy-requests/{id}/run-erasure`: erases the account at once (no cancellation
 * window: the admin verified the requester's identity, see the note) and completes the request.
 * The erasure itself is audited by the erasure service (`user.erased_by_admin`).
 */
export async function runErasure(
  deps: PrivacyDeps,
  actor: AdminActor,
  id: string,
  nanos: ErasureNanoChoice,
): Promise<PrivacyRequest> {
  const request = await actionableRequest(deps, id, 'erasure');
  await eraseAccount(deps, request.user.id, {
    mode: 'admin',
    by: actor.userId,
    nanos,
    ip: actor.ip,
    userAgent: actor.userAgent,
  });
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await setPrivacyRequestStatus(trx, id, 'completed', now);
    await deps.audit.record(
      {
        actorId: actor.userId,
        action: 'privacy.request_erasure_run',
        targetType: 'privacy_request',
        targetId: id,
        details: { userId: request.user.id, nanos },
        ip: actor.ip,
        userAgent: actor.userAgent,
      },
      trx,
    );
  });
  return loadRequest(deps, id);
}

/** `GET /admin/users/{id}/data-inventory`: the counts, and an audit event that someone looked. */
export async function viewInventory(
  deps: PrivacyDeps,
  actor: AdminActor,
  userId: string,
): Promise<DataInventory> {
  const inventory = await dataInventory(deps.db, userId);
  await deps.audit.record({
    actorId: actor.userId,
    action: 'privacy.inventory_viewed',
    targetType: 'user',
    targetId: userId,
    ip: actor.ip,
    userAgent: actor.userAgent,
  });
  return inventory;
}
