import { PRIVACY_LIMITS } from '@nano/contracts';
import type { Platform } from '../../platform/index.ts';
import type { JobContext } from '../../platform/jobs.ts';
import { buildExportZip, exportObjectKey } from './export-builder.ts';
import { findDataExport, updateDataExport } from './exports.repository.ts';
import { BUILD_EXPORT_JOB, BUILD_EXPORT_MAX_ATTEMPTS } from './exports.service.ts';
import type { PrivacyDeps } from './privacy.deps.ts';
import { setPrivacyRequestStatus } from './privacy-requests.repository.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Longest error text kept on a failed export. */
const ERROR_MAX = 500;

/**
 * Builds one export (`privacy.build_export` {exportId}): the ZIP streamed to storage, the row
 * `ready` with size and expiry, the request completed, the user notified in the app and by email
 * (`data_export.ready`: by email by default and without the notification-email opt-in, since the
 * user asked for it). A failed attempt removes the
 * partial object and is retried; after the last attempt the export is `failed` with the error.
 * Idempotent: an export that is no longer pending or building is left alone.
 */
export async function buildDataExport(
  deps: PrivacyDeps,
  exportId: string,
  context: Pick<JobContext, 'attempt'>,
) {
  const row = await findDataExport(deps.db, exportId);
  if (!row || (row.status !== 'pending' && row.status !== 'building')) {
    return;
  }
  const key = exportObjectKey(row.user_id, row.id);
  await updateDataExport(deps.db, row.id, { status: 'building', error: null });
  let size: number;
  try {
    ({ size } = await buildExportZip({
      db: deps.db,
      storage: deps.storage,
      secretBox: deps.secretBox,
      userId: row.user_id,
      locale: row.locale,
      key,
      now: deps.clock.now(),
    }));
  } catch (error) {
    await deps.storage.delete(key).catch(() => undefined);
    const message = (error instanceof Error ? error.message : String(error)).slice(0, ERROR_MAX);
    const last = context.attempt >= BUILD_EXPORT_MAX_ATTEMPTS;
    await deps.db.transaction().execute(async (trx) => {
      await updateDataExport(trx, row.id, { status: last ? 'failed' : 'pending', error: message });
      if (last) {
        await deps.audit.record(
          {
            actorId: null,
            action: 'privacy.export_failed',
            targetType: 'data_export',
            targetId: row.id,
            details: { userId: row.user_id, attempts: context.attempt },
            outcome: 'failure',
          },
          trx,
        );
      }
    });
    throw error;
  }
  const readyAt = deps.clock.now();
  const expiresAt = new Date(readyAt.getTime() + PRIVACY_LIMITS.exportValidDays * DAY_MS);
  await deps.db.transaction().execute(async (trx) => {
    await updateDataExport(trx, row.id, {
      status: 'ready',
      object_key: key,
      size_bytes: size,
      ready_at: readyAt,
      expires_at: expiresAt,
      error: null,
    });
    if (row.request_id) {
      await setPrivacyRequestStatus(trx, row.request_id, 'completed', readyAt);
    }
    await deps.audit.record(
      {
        actorId: null,
        action: 'privacy.export_ready',
        targetType: 'data_export',
        targetId: row.id,
        details: { userId: row.user_id, sizeBytes: size },
      },
      trx,
    );
    await deps.notifications.notify(
      {
        userId: row.user_id,
        type: 'data_export.ready',
        payload: { exportId: row.id, expiresAt: expiresAt.toISOString(), sizeBytes: size },
      },
      trx,
    );
  });
}

export function registerExportsJobs(platform: Platform, deps: PrivacyDeps): void {
  platform.jobs.register<{ exportId: string }>(
    BUILD_EXPORT_JOB,
    (payload, context) => buildDataExport(deps, payload.exportId, context),
    { maxAttempts: BUILD_EXPORT_MAX_ATTEMPTS, backoffMs: 30_000, timeoutMs: 30 * 60_000 },
  );
}

/** Export builds are enqueued on request; expiry runs in the retention job. */
export async function scheduleExportsJobs(_platform: Platform): Promise<void> {}
