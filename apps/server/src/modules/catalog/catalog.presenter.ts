import type { Nano, NanoStatus, NanoSummary, NanoVersion } from '@nano/contracts';
import type { UserCard } from '../identity/user-cards.ts';
import type { NanoRow, NanoVersionRow } from './catalog.tables.ts';
import { canTransition, type NanoActor } from './nano-status.ts';

/** The thumbnail address, versioned by its storage key so it can be cached for long. */
export function thumbnailUrl(row: Pick<NanoRow, 'id' | 'thumbnail_key'>): string | null {
  if (!row.thumbnail_key) {
    return null;
  }
  const version =
    row.thumbnail_key
      .split('/')
      .pop()
      ?.replace(/\.webp$/, '') ?? '0';
  return `/api/v1/nanos/${row.id}/thumbnail?v=${encodeURIComponent(version)}`;
}

export function presentVersion(row: NanoVersionRow, currentVersionId: string | null): NanoVersion {
  return {
    id: row.id,
    semver: row.semver ?? '—',
    changelog: row.changelog,
    status: row.status,
    sizeBytes: Number(row.size_bytes),
    fileCount: row.file_count,
    sha256: row.sha256,
    packageKind: row.package_kind,
    current: row.id === currentVersionId,
    createdAt: row.created_at.toISOString(),
  };
}

function counters(row: NanoRow) {
  return {
    views: row.view_count,
    downloads: row.download_count,
    favorites: row.favorite_count,
    ratingAverage: row.rating_avg === null ? null : Math.round(row.rating_avg * 10) / 10,
    ratingCount: row.rating_count,
  };
}

/** The detail view of a Nano for one caller (`actor` decides which actions are offered). */
export function presentNano(
  row: NanoRow,
  extra: {
    categoryIds: string[];
    current: NanoVersionRow | undefined;
    open: NanoVersionRow | undefined;
    creator: UserCard | undefined;
    creatorStats: { published: number; averageRating: number | null };
    actor: NanoActor | null;
  },
): Nano {
  const status = row.status as NanoStatus;
  const can = (action: Parameters<typeof canTransition>[1]) =>
    extra.actor !== null && canTransition(status, action, extra.actor);
  const privileged = extra.actor !== null;
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    durationMinutes: row.duration_minutes,
    level: row.level as 1 | 2 | 3 | null,
    language: row.language as Nano['language'],
    format: row.format as Nano['format'],
    license: row.license as Nano['license'],
    licenseTerms: row.license_terms,
    categoryIds: extra.categoryIds,
    tags: row.tags,
    downloadAllowed: row.download_allowed,
    status,
    rowVersion: row.row_version,
    thumbnailUrl: thumbnailUrl(row),
    currentVersion: extra.current ? presentVersion(extra.current, row.current_version_id) : null,
    pendingVersion: privileged && extra.open ? presentVersion(extra.open, row.current_version_id) : null,
    creator: {
      username: extra.creator?.username ?? '',
      displayName: extra.creator?.displayName ?? '',
      avatarUrl: extra.creator?.avatarUrl ?? null,
      verified: extra.creator?.verified ?? false,
      publishedNanos: extra.creatorStats.published,
      averageRating:
        extra.creatorStats.averageRating === null
          ? null
          : Math.round(extra.creatorStats.averageRating * 10) / 10,
    },
    counters: counters(row),
    permissions: {
      edit: can('edit'),
      submit: can('submit') && extra.open !== undefined,
      archive: can('archive'),
      restore: can('restore'),
      delete: can('delete'),
      download: extra.current !== undefined && (row.download_allowed || privileged),
      review: extra.actor === 'moderator' || extra.actor === 'admin',
    },
    publishedAt: row.published_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function presentSummary(row: NanoRow & { has_pending_version: boolean | number }): NanoSummary {
  return {
    id: row.id,
    title: row.title,
    status: row.status as NanoStatus,
    thumbnailUrl: thumbnailUrl(row),
    counters: counters(row),
    durationMinutes: row.duration_minutes,
    level: row.level as 1 | 2 | 3 | null,
    language: row.language as NanoSummary['language'],
    format: row.format as NanoSummary['format'],
    updatedAt: row.updated_at.toISOString(),
    publishedAt: row.published_at?.toISOString() ?? null,
    hasPendingVersion: Boolean(row.has_pending_version),
  };
}
