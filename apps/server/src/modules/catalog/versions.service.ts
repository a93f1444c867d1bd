import { createHash } from 'node:crypto';
import { pipeline, type Readable, Transform } from 'node:stream';
import type { Locale, Nano } from '@nano/contracts';
import { v7 as uuidv7 } from 'uuid';
import { AppError, errors } from '../../errors.ts';
import type { AuthContext } from '../identity/session.service.ts';
import { describeProblem } from '../uploads/upload-problems.ts';
import { deletePrefix, extractToStorage } from '../uploads/zip-extract.ts';
import { inspectZip } from '../uploads/zip-inspector.ts';
import { actorFor, type CatalogDeps } from './catalog.deps.ts';
import * as repo from './catalog.repository.ts';
import { describeNano, loadVisibleNano } from './catalog.service.ts';
import type { NanoVersionRow } from './catalog.tables.ts';
import { snapshotMetadata } from './review-metadata.ts';
import { nextSemver } from './semver.ts';
import { assertMaySubmit, drawSample } from './trust-policy.ts';

export interface VersionUpload {
  /** The ZIP as it arrives; never buffered whole. */
  stream: Readable;
  /** True when the transport cut the file at its size limit. */
  truncated(): boolean;
  changelog: string | undefined;
  bump: 'major' | 'minor';
}

/** Counts and hashes the bytes flowing through, so the ZIP is hashed while it is stored. */
function hashing() {
  const hash = createHash('sha256');
  let size = 0;
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      size += chunk.length;
      callback(null, chunk);
    },
  });
  return { transform, digest: () => hash.digest('hex'), size: () => size };
}

async function removeVersionFiles(
  deps: CatalogDeps,
  version: Pick<NanoVersionRow, 'object_key' | 'content_prefix'>,
): Promise<void> {
  await deps.storage.delete(version.object_key);
  await deletePrefix(deps.storage, version.content_prefix);
}

/**
 * Accepts a new ZIP for a Nano. It is streamed to storage (hashed on the way), inspected with
 * ranged reads, unpacked per file for the viewer, and only then recorded. A refused file, a cut
 * connection or a failed database write leaves no object and no row behind.
 *
 * A draft (or a Nano with changes requested) gets its working file replaced; a published Nano gets
 * a new version (changelog required, minor bump unless major is chosen) that goes to review while
 * the current one stays live. That new version is a submission under the trust policy (SPEC §4.6):
 * refused while uploads are blocked or a new creator's monthly quota is used up; a trusted
 * creator's update publishes at once, and a share of those is sampled for review afterwards.
 */
export async function uploadVersion(
  deps: CatalogDeps,
  auth: AuthContext,
  nanoId: string,
  upload: VersionUpload,
  locale: Locale,
): Promise<Nano> {
  const nano = await loadVisibleNano(deps, auth, nanoId);
  if (actorFor(auth, nano) !== 'owner') {
    throw new AppError('forbidden');
  }
  const isUpdate = nano.current_version_id !== null;
  if (!['draft', 'changes_requested', 'published'].includes(nano.status)) {
    throw new AppError('conflict', { detail: `upload:${nano.status}` });
  }
  if (isUpdate && !upload.changelog?.trim()) {
    upload.stream.resume();
    throw errors.field('body.changelog', 'changelog_required');
  }
  const open = await repo.findOpenVersion(deps.db, nanoId);
  if (open?.status === 'pending_review') {
    upload.stream.resume();
    throw new AppError('conflict', { detail: 'version_under_review' });
  }
  // Checked before the bytes are stored (and again with them): a refused creator uploads nothing.
  const policy = { userId: auth.userId, now: deps.clock.now(), locale, skipQuota: deps.skipSubmissionQuota };
  try {
    await assertMaySubmit(deps.db, { ...policy, skipQuota: policy.skipQuota || !isUpdate });
  } catch (error) {
    upload.stream.resume();
    throw error;
  }

  const versionId = uuidv7();
  const base = `nanos/${nanoId}/versions/${versionId}`;
  const version = { object_key: `${base}/original.zip`, content_prefix: `${base}/files` };
  const counter = hashing();
  // pipeline (not pipe) so a client that disconnects mid-upload fails the store, which then leaves nothing.
  const body = pipeline(upload.stream, counter.transform, () => {});
  await deps.storage.put(version.object_key, body, { contentType: 'application/zip' });
  if (upload.truncated()) {
    await deps.storage.delete(version.object_key);
    throw new AppError('payload_too_large');
  }
  const source = { storage: deps.storage, key: version.object_key, size: counter.size() };
  let stored = false;
  try {
    const inspection = await inspectZip(source);
    if (!inspection.ok) {
      throw new AppError('upload_rejected', {
        extensions: {
          problems: inspection.problems.map((p) => ({
            path: p.path,
            code: p.code,
            message: describeProblem(p, locale),
          })),
        },
      });
    }
    await extractToStorage(source, inspection.entries, deps.storage, version.content_prefix);
    const now = deps.clock.now();
    const replaced = await deps.db.transaction().execute(async (trx) => {
      const locked = await repo.findNanoForUpdate(trx, nanoId);
      const stillOpen = await repo.findOpenVersion(trx, nanoId);
      if (!locked || locked.status !== nano.status || stillOpen?.status === 'pending_review') {
        throw new AppError('conflict', { detail: 'changed_during_upload' });
      }
      const current = locked.current_version_id
        ? await repo.findVersion(trx, nanoId, locked.current_version_id)
        : undefined;
      // A restored Nano sent back for changes has its current version open: that one stays (approved,
      // as before the archive) and only leaves review; any other open version is replaced.
      const discarded = stillOpen?.id === locked.current_version_id ? undefined : stillOpen;
      if (stillOpen && !discarded) {
        await repo.updateVersion(trx, stillOpen.id, { status: 'approved' });
      }
      if (discarded) {
        await repo.deleteVersionRow(trx, discarded.id);
      }
      const { trusted } = await assertMaySubmit(trx, {
        ...policy,
        now,
        skipQuota: policy.skipQuota || !isUpdate,
      });
      const publishAtOnce = isUpdate && trusted;
      const sampled = publishAtOnce && drawSample(deps.random ?? Math.random);
      await repo.insertVersion(
        trx,
        {
          id: versionId,
          nano_id: nanoId,
          semver: isUpdate ? nextSemver(current?.semver ?? null, upload.bump) : null,
          changelog: upload.changelog?.trim() || null,
          status: publishAtOnce ? 'approved' : isUpdate ? 'pending_review' : 'draft',
          object_key: version.object_key,
          content_prefix: version.content_prefix,
          sha256: counter.digest(),
          size_bytes: counter.size(),
          file_count: inspection.entries.length,
          package_kind: inspection.package,
          created_by: auth.userId,
          created_at: now,
          submitted_at: isUpdate ? now : null,
          decided_at: publishAtOnce ? now : null,
          sampled_at: sampled ? now : null,
          metadata: isUpdate ? JSON.stringify(await snapshotMetadata(trx, locked)) : null,
        },
        inspection.entries.map((e) => ({
          path: e.path,
          size: e.size,
          mimeType: e.mimeType,
          kind: e.kind,
          sha256: e.sha256,
        })),
      );
      await repo.updateNano(trx, nanoId, {
        updated_at: now,
        ...(publishAtOnce ? { current_version_id: versionId } : {}),
      });
      await deps.audit.record(
        {
          actorId: auth.userId,
          action: 'nano.version_uploaded',
          targetType: 'nano',
          targetId: nanoId,
          details: { versionId, files: inspection.entries.length, update: isUpdate },
        },
        trx,
      );
      if (publishAtOnce) {
        await deps.audit.record(
          {
            actorId: auth.userId,
            action: 'nano.version_auto_published',
            targetType: 'nano',
            targetId: nanoId,
            details: {
              versionId,
              sampled,
              before: { currentVersionId: locked.current_version_id },
              after: { currentVersionId: versionId },
            },
          },
          trx,
        );
      }
      return { discarded, publishAtOnce };
    });
    stored = true;
    if (replaced.discarded) {
      await removeVersionFiles(deps, replaced.discarded);
    }
    await deps.jobs.enqueue('catalog.thumbnail', { nanoId }, { singletonKey: nanoId });
    if (replaced.publishAtOnce) {
      await deps.jobs.enqueue('search.index_content', { versionId }, { singletonKey: versionId });
    }
  } finally {
    if (!stored) {
      await removeVersionFiles(deps, version);
    }
  }
  return describeNano(deps, auth, await loadVisibleNano(deps, auth, nanoId));
}
