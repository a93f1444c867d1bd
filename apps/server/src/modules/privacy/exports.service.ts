import type { Readable } from 'node:stream';
import { type DataExport, PRIVACY_LIMITS } from '@nano/contracts';
import { v7 as uuidv7 } from 'uuid';
import { AppError, errors } from '../../errors.ts';
import { lockUserRow } from '../identity/user-lock.ts';
import { exportObjectKey } from './export-builder.ts';
import {
  type DataExportRow,
  dataExportsOf,
  exportsPastExpiry,
  findDataExport,
  insertDataExport,
  openExportCount,
  selfServiceExportsSince,
  sessionAuthenticatedAt,
  updateDataExport,
} from './exports.repository.ts';
import type { PrivacyDeps } from './privacy.deps.ts';
import { createPrivacyRequest } from './privacy-requests.repository.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/** The job that builds one export ZIP. */
export const BUILD_EXPORT_JOB = 'privacy.build_export';
/** Attempts of a build before the export is marked failed. */
export const BUILD_EXPORT_MAX_ATTEMPTS = 3;

/** The signed-in caller, for limits and the audit trail. */
export interface ExportActor {
  userId: string;
  sessionId: string;
  ip: string | null;
  userAgent: string | null;
}

/** As the API shows it: a ready export past its date is `expired` even before the job ran. */
export function presentDataExport(row: DataExportRow, now: Date): DataExport {
  const expiresAt = row.expires_at ? new Date(row.expires_at) : null;
  const expired =
    row.status === 'expired' || (row.status === 'ready' && expiresAt !== null && expiresAt <= now);
  return {
    id: row.id,
    status: expired ? 'expired' : row.status,
    sizeBytes: row.size_bytes === null ? null : Number(row.size_bytes),
    requestedAt: new Date(row.created_at as Date).toISOString(),
    readyAt: row.ready_at ? new Date(row.ready_at).toISOString() : null,
    expiresAt: expiresAt ? expiresAt.toISOString() : null,
    downloadedAt: row.downloaded_at ? new Date(row.downloaded_at).toISOString() : null,
    onBehalf: row.requested_by !== null && row.requested_by !== row.user_id,
  };
}

/**
 * Starts an export for `userId`: a privacy request (type export, in progress), a `data_exports`
 * row and the build job, in one transaction under the user's row lock, so two clicks cannot both
 * pass the one-at-a-time limit. Self-service requests also count against the daily limit.
 */
async function startExport(
  deps: PrivacyDeps,
  userId: string,
  options: { requestedBy: string; requestId?: string | null; selfService: boolean },
  audit: { ip: string | null; userAgent: string | null },
): Promise<{ id: string; status: 'pending'; requestId: string }> {
  const now = deps.clock.now();
  const id = uuidv7();
  const requestId = await deps.db.transaction().execute(async (trx) => {
    if (!(await lockUserRow(trx, userId))) {
      throw errors.notFound();
    }
    if ((await openExportCount(trx, userId)) >= PRIVACY_LIMITS.exportsInProgressMax) {
      throw new AppError('export_in_progress');
    }
    if (options.selfService) {
      const recent = await selfServiceExportsSince(trx, userId, new Date(now.getTime() - DAY_MS));
      if (recent.length >= PRIVACY_LIMITS.exportsPerDay) {
        const oldest = recent[recent.length - PRIVACY_LIMITS.exportsPerDay] as Date;
        const retryAfter = Math.max(1, Math.ceil((oldest.getTime() + DAY_MS - now.getTime()) / 1000));
        throw new AppError('export_rate_limited', { headers: { 'retry-after': String(retryAfter) } });
      }
    }
    const user = await trx
      .selectFrom('users')
      .select('locale')
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    const request =
      options.requestId ??
      (await createPrivacyRequest(
        trx,
        { userId, type: 'export', channel: 'self_service', receivedAt: now, status: 'in_progress' },
        now,
      ));
    await insertDataExport(
      trx,
      { id, userId, requestId: request, requestedBy: options.requestedBy, locale: user.locale },
      now,
    );
    await deps.audit.record(
      {
        actorId: options.requestedBy,
        action: 'privacy.export_requested',
        targetType: 'data_export',
        targetId: id,
        details: { userId, requestId: request, onBehalf: options.requestedBy !== userId },
        ip: audit.ip,
        userAgent: audit.userAgent,
      },
      trx,
    );
    return request;
  });
  await deps.jobs.enqueue(BUILD_EXPORT_JOB, { exportId: id }, { singletonKey: id });
  return { id, status: 'pending', requestId };
}

/** `POST /me/data-exports`: the signed-in user asks for their data. */
export function requestDataExport(deps: PrivacyDeps, actor: ExportActor) {
  return startExport(deps, actor.userId, { requestedBy: actor.userId, selfService: true }, actor);
}

/**
 * An export an admin runs on the user's behalf (a request received by email or letter): no
 * recent-login check and no daily limit; the file still goes to the user only. Audited with the
 * admin as actor.
 */
export function exportForUser(
  deps: PrivacyDeps,
  userId: string,
  options: { requestedBy: string; requestId?: string | null; ip?: string | null; userAgent?: string | null },
): Promise<{ id: string; status: 'pending'; requestId: string }> {
  return startExport(
    deps,
    userId,
    { requestedBy: options.requestedBy, requestId: options.requestId ?? null, selfService: false },
    { ip: options.ip ?? null, userAgent: options.userAgent ?? null },
  );
}

/** `GET /me/data-exports`. */
export async function listDataExports(deps: PrivacyDeps, userId: string): Promise<{ items: DataExport[] }> {
  const now = deps.clock.now();
  return { items: (await dataExportsOf(deps.db, userId)).map((row) => presentDataExport(row, now)) };
}

/** An open download: the ZIP stream and what the response headers need. */
export interface ExportDownload {
  body: Readable;
  size: number;
  filename: string;
}

/** `nano-marktplatz-daten-YYYY-MM-DD.zip` (the day the export was ready). */
export function exportFilename(readyAt: Date): string {
  return `nano-marktplatz-daten-${readyAt.toISOString().slice(0, 10)}.zip`;
}

/**
 * `GET /me/data-exports/{id}/download`: the owner only (others get 404, so nothing is revealed),
 * a ready export within its period (else 410), and a sign-in or re-authentication within
 * `recentLoginMinutes` on this session (else 403 `reauthentication_required`). Audited.
 */
export async function openDataExportDownload(
  deps: PrivacyDeps,
  actor: ExportActor,
  id: string,
): Promise<ExportDownload> {
  const row = await findDataExport(deps.db, id);
  if (!row || row.user_id !== actor.userId) {
    throw errors.notFound();
  }
  const now = deps.clock.now();
  const view = presentDataExport(row, now);
  if (view.status === 'expired') {
    throw new AppError('export_expired');
  }
  if (row.status !== 'ready' || !row.object_key || !row.ready_at) {
    throw new AppError('export_not_ready');
  }
  const authenticatedAt = await sessionAuthenticatedAt(deps.db, actor.sessionId);
  if (
    !authenticatedAt ||
    now.getTime() - authenticatedAt.getTime() > PRIVACY_LIMITS.recentLoginMinutes * MINUTE_MS
  ) {
    throw new AppError('reauthentication_required');
  }
  const object = await deps.storage.get(row.object_key);
  await deps.db.transaction().execute(async (trx) => {
    await updateDataExport(trx, id, { downloaded_at: now });
    await deps.audit.record(
      {
        actorId: actor.userId,
        action: 'privacy.export_downloaded',
        targetType: 'data_export',
        targetId: id,
        details: { sizeBytes: object.totalSize },
        ip: actor.ip,
        userAgent: actor.userAgent,
      },
      trx,
    );
  });
  return { body: object.body, size: object.totalSize, filename: exportFilename(new Date(row.ready_at)) };
}

/**
 * Exports past their download period (retention, daily): deletes each file, marks the row
 * `expired` and audits it. Idempotent (expired rows are not looked at again). A dry run only
 * counts.
 */
export async function expireDataExports(deps: PrivacyDeps, options: { dryRun: boolean }): Promise<number> {
  const now = deps.clock.now();
  const due = await exportsPastExpiry(deps.db, now);
  if (options.dryRun) {
    return due.length;
  }
  for (const row of due) {
    await deps.storage.delete(row.object_key ?? exportObjectKey(row.user_id, row.id));
    await deps.db.transaction().execute(async (trx) => {
      await updateDataExport(trx, row.id, { status: 'expired', object_key: null });
      await deps.audit.record(
        {
          actorId: null,
          action: 'privacy.export_expired',
          targetType: 'data_export',
          targetId: row.id,
          details: { userId: row.user_id },
        },
        trx,
      );
    });
  }
  return due.length;
}
