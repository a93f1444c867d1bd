import type { Locale, Nano, NanoStatus, NanoSummary, nanoMetadataSchema } from '@nano/contracts';
import type { Updateable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { AppError, errors } from '../../errors.ts';
import type { AuthContext } from '../identity/session.service.ts';
import { getUserCards } from '../identity/user-cards.ts';
import { actorFor, type CatalogDeps, canSee } from './catalog.deps.ts';
import { presentNano, presentSummary, presentVersion } from './catalog.presenter.ts';
import * as repo from './catalog.repository.ts';
import type { NanoRow, NanosTable } from './catalog.tables.ts';
import { type NanoAction, nextStatus } from './nano-status.ts';
import { snapshotMetadata } from './review-metadata.ts';
import { assertMaySubmit } from './trust-policy.ts';

type MetadataInput = Partial<z.output<typeof nanoMetadataSchema>>;

/** The Nano if the caller may see it; otherwise "not found" (its existence stays private). */
export async function loadVisibleNano(
  deps: CatalogDeps,
  auth: AuthContext | null,
  id: string,
): Promise<NanoRow> {
  const nano = await repo.findNano(deps.db, id);
  if (!nano || !canSee(auth, nano)) {
    throw new AppError('not_found');
  }
  return nano;
}

/** `filed`: the Nano's categories so far, which it keeps even when they are no longer offered. */
async function validateMetadata(
  deps: CatalogDeps,
  input: MetadataInput,
  filed: string[] = [],
): Promise<void> {
  if (input.categoryIds) {
    const unknown = await deps.taxonomy.unknownCategoryIds(input.categoryIds);
    if (unknown.length > 0) {
      throw errors.field('body.categoryIds', 'unknown_category');
    }
    const added = input.categoryIds.filter((categoryId) => !filed.includes(categoryId));
    if ((await deps.taxonomy.inactiveCategoryIds(added)).length > 0) {
      throw errors.field('body.categoryIds', 'category_inactive');
    }
  }
  if (input.license === 'proprietary' && input.licenseTerms !== undefined && !input.licenseTerms) {
    throw errors.field('body.licenseTerms', 'license_terms_required');
  }
}

function metadataPatch(input: MetadataInput): Updateable<NanosTable> {
  return {
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.durationMinutes !== undefined ? { duration_minutes: input.durationMinutes } : {}),
    ...(input.level !== undefined ? { level: input.level } : {}),
    ...(input.language !== undefined ? { language: input.language } : {}),
    ...(input.format !== undefined ? { format: input.format } : {}),
    ...(input.license !== undefined ? { license: input.license } : {}),
    ...(input.licenseTerms !== undefined ? { license_terms: input.licenseTerms } : {}),
    ...(input.tags !== undefined ? { tags: [...new Set(input.tags)] } : {}),
    ...(input.downloadAllowed !== undefined ? { download_allowed: input.downloadAllowed } : {}),
  };
}

/** The detail view for `auth` (permissions included). */
export async function describeNano(
  deps: CatalogDeps,
  auth: AuthContext | null,
  nano: NanoRow,
): Promise<Nano> {
  const [categories, versions, cards, stats] = await Promise.all([
    repo.categoryIdsOf(deps.db, [nano.id]),
    repo.listVersions(deps.db, nano.id),
    getUserCards(deps.db, [nano.creator_id]),
    repo.creatorStats(deps.db, nano.creator_id),
  ]);
  const actor = actorFor(auth, nano);
  return presentNano(nano, {
    categoryIds: categories.get(nano.id) ?? [],
    current: versions.find((v) => v.id === nano.current_version_id),
    open: versions.find(
      (v) => v.status === 'draft' || v.status === 'pending_review' || v.status === 'changes_requested',
    ),
    creator: cards.get(nano.creator_id),
    creatorStats: stats,
    actor,
  });
}

/** Starts a draft; only the title is required until submission. */
export async function createNano(
  deps: CatalogDeps,
  auth: AuthContext,
  input: MetadataInput & { title: string },
): Promise<Nano> {
  await validateMetadata(deps, input);
  const id = uuidv7();
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertNano(trx, {
      id,
      creator_id: auth.userId,
      title: input.title,
      created_at: now,
      updated_at: now,
      ...metadataPatch(input),
    });
    await repo.replaceNanoCategories(trx, id, input.categoryIds ?? []);
    await deps.audit.record(
      { actorId: auth.userId, action: 'nano.created', targetType: 'nano', targetId: id },
      trx,
    );
  });
  return describeNano(deps, auth, await loadVisibleNano(deps, auth, id));
}

/** Changes metadata (owner, editable statuses), refusing a stale `rowVersion` with 412. */
export async function updateNano(
  deps: CatalogDeps,
  auth: AuthContext,
  id: string,
  input: MetadataInput,
  rowVersion: number | undefined,
): Promise<Nano> {
  const nano = await loadVisibleNano(deps, auth, id);
  nextStatus(nano.status, 'edit', actorFor(auth, nano) === 'owner' ? 'owner' : 'moderator');
  await validateMetadata(
    deps,
    {
      ...input,
      ...(input.license === 'proprietary' && input.licenseTerms === undefined
        ? { licenseTerms: nano.license_terms }
        : {}),
    },
    (await repo.categoryIdsOf(deps.db, [id])).get(id) ?? [],
  );
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const updated = await repo.updateNanoIfVersion(trx, id, rowVersion ?? nano.row_version, {
      ...metadataPatch(input),
      updated_at: now,
    });
    if (!updated) {
      throw new AppError('precondition_failed');
    }
    if (input.categoryIds) {
      await repo.replaceNanoCategories(trx, id, input.categoryIds);
    }
    await deps.audit.record(
      {
        actorId: auth.userId,
        action: 'nano.updated',
        targetType: 'nano',
        targetId: id,
        details: { fields: Object.keys(input) },
      },
      trx,
    );
  });
  return describeNano(deps, auth, await loadVisibleNano(deps, auth, id));
}

/** Which required metadata a submission still lacks. */
export function missingForSubmission(nano: NanoRow, categoryCount: number): string[] {
  const missing: string[] = [];
  const checks: Array<[string, boolean]> = [
    ['description', nano.description.trim().length > 0],
    ['durationMinutes', nano.duration_minutes !== null],
    ['level', nano.level !== null],
    ['language', nano.language !== null],
    ['format', nano.format !== null],
    ['license', nano.license !== null],
    ['licenseTerms', nano.license !== 'proprietary' || Boolean(nano.license_terms?.trim())],
    ['categoryIds', categoryCount >= 1],
  ];
  for (const [field, ok] of checks) {
    if (!ok) {
      missing.push(field);
    }
  }
  return missing;
}

/**
 * Moves a Nano through the status machine for its owner or staff (submit, archive, restore,
 * delete); the change, its audit event and the creator's notification commit together. Submitting
 * and restoring (which sends the Nano to review again) follow the trust policy: refused while the
 * creator's uploads are blocked or a new creator's monthly quota is used up; the version keeps a
 * snapshot of the metadata it was submitted with.
 */
export async function changeStatus(
  deps: CatalogDeps,
  auth: AuthContext,
  id: string,
  action: Exclude<
    NanoAction,
    'edit' | 'approve' | 'request_changes' | 'reject' | 'hide' | 'unhide' | 'restore_published'
  >,
  locale: Locale = 'de',
): Promise<Nano> {
  const visible = await loadVisibleNano(deps, auth, id);
  const actor = actorFor(auth, visible);
  if (!actor) {
    throw new AppError('forbidden');
  }
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const nano = await repo.findNanoForUpdate(trx, id);
    if (!nano) {
      throw new AppError('not_found');
    }
    const to = nextStatus(nano.status, action, actor);
    const patch: Updateable<NanosTable> = { status: to, updated_at: now };
    if (action === 'submit') {
      const open = await repo.findOpenVersion(trx, id);
      const categories = await repo.categoryIdsOf(trx, [id]);
      const missing = missingForSubmission(nano, categories.get(id)?.length ?? 0);
      if (!open) {
        missing.push('file');
      }
      if (missing.length > 0 || !open) {
        throw errors.validation(
          missing.map((field) => ({ field: `nano.${field}`, code: 'required_for_submission' })),
        );
      }
      await assertMaySubmit(trx, {
        userId: nano.creator_id,
        versionId: open.id,
        now,
        locale,
        skipQuota: deps.skipSubmissionQuota,
      });
      await repo.updateVersion(trx, open.id, {
        status: 'pending_review',
        submitted_at: now,
        metadata: JSON.stringify(await snapshotMetadata(trx, nano)),
      });
    }
    if (action === 'restore') {
      // The archived Nano is reviewed again with its newest file: an update that was still open when
      // it was archived, else the version it had. Only one version may be open, or both would sit in
      // the queue and the second decision would act on the other one.
      const open = await repo.findOpenVersion(trx, id);
      const resubmitted = open?.id ?? nano.current_version_id;
      if (resubmitted) {
        await assertMaySubmit(trx, {
          userId: nano.creator_id,
          versionId: resubmitted,
          now,
          locale,
          skipQuota: deps.skipSubmissionQuota,
        });
        await repo.updateVersion(trx, resubmitted, {
          status: 'pending_review',
          submitted_at: now,
          metadata: JSON.stringify(await snapshotMetadata(trx, nano)),
        });
      }
    }
    if (action === 'archive') {
      patch.archived_at = now;
    }
    if (action === 'delete') {
      patch.deleted_at = now;
      patch.status_before_delete = nano.status;
    }
    await repo.updateNano(trx, id, patch);
    await deps.audit.record(
      {
        actorId: auth.userId,
        action: `nano.${action}`,
        targetType: 'nano',
        targetId: id,
        details: { from: nano.status, to },
      },
      trx,
    );
    if (actor !== 'owner') {
      await deps.notifications.notify(
        {
          userId: nano.creator_id,
          type: 'nano.status_changed',
          payload: { nanoId: id, title: nano.title, status: to },
        },
        trx,
      );
    }
  });
  if (action === 'delete') {
    return describeNano(deps, auth, { ...visible, status: 'deleted' as NanoStatus });
  }
  return describeNano(deps, auth, await loadVisibleNano(deps, auth, id));
}

/** The creator's own Nanos in every status but deleted. */
export async function listOwnNanos(
  deps: CatalogDeps,
  auth: AuthContext,
  page: number,
  pageSize: number,
): Promise<{ items: NanoSummary[]; total: number; page: number; pageSize: number }> {
  const [rows, total] = await Promise.all([
    repo.listCreatorNanos(deps.db, auth.userId, page, pageSize),
    repo.countCreatorNanos(deps.db, auth.userId),
  ]);
  return { items: rows.map((row) => presentSummary(row)), total, page, pageSize };
}

/** All versions for owner and staff; the public sees only the current one. */
export async function listNanoVersions(deps: CatalogDeps, auth: AuthContext | null, id: string) {
  const nano = await loadVisibleNano(deps, auth, id);
  const versions = await repo.listVersions(deps.db, id);
  const visible = actorFor(auth, nano) ? versions : versions.filter((v) => v.id === nano.current_version_id);
  return { items: visible.map((v) => presentVersion(v, nano.current_version_id)) };
}

/** Resolves which version a caller may read: the current one, or any for owner and staff. */
export async function resolveVersion(
  deps: CatalogDeps,
  auth: AuthContext | null,
  nano: NanoRow,
  versionId: string | undefined,
) {
  const privileged = actorFor(auth, nano) !== null;
  const wanted =
    versionId ??
    nano.current_version_id ??
    (privileged ? (await repo.findOpenVersion(deps.db, nano.id))?.id : undefined);
  if (!wanted || (!privileged && wanted !== nano.current_version_id)) {
    throw new AppError('not_found');
  }
  const version = await repo.findVersion(deps.db, nano.id, wanted);
  if (!version) {
    throw new AppError('not_found');
  }
  return version;
}

/** The file listing of a version. */
export async function listNanoFiles(
  deps: CatalogDeps,
  auth: AuthContext | null,
  id: string,
  versionId: string | undefined,
) {
  const nano = await loadVisibleNano(deps, auth, id);
  const version = await resolveVersion(deps, auth, nano, versionId);
  const files = await repo.listVersionFiles(deps.db, version.id);
  return {
    versionId: version.id,
    items: files.map((f) => ({
      path: f.path,
      size: Number(f.size_bytes),
      mimeType: f.mime_type,
      kind: f.kind,
    })),
  };
}
