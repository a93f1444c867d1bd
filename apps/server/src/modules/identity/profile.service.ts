import type { Readable } from 'node:stream';
import type { Profile, ProfileUpdate, PublicProfile } from '@nano/contracts';
import sharp from 'sharp';
import { AppError, errors } from '../../errors.ts';
import type { ObjectStorage } from '../../platform/storage.ts';
import type { TaxonomyService } from '../taxonomy/taxonomy.service.ts';
import type { IdentityDeps } from './identity.deps.ts';
import { avatarUrl } from './identity.presenter.ts';
import * as profiles from './profile.repository.ts';
import type { AuthContext } from './session.service.ts';

/** Largest avatar upload. */
export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;
/** Avatars are stored as square WebP images of this edge length. */
export const AVATAR_SIZE_PX = 200;
/** Images with more pixels are refused before decoding (decompression bombs). */
export const AVATAR_MAX_INPUT_PIXELS = 40_000_000;
const AVATAR_FORMATS = new Set(['jpeg', 'png', 'webp']);

export interface ProfileDeps extends IdentityDeps {
  storage: ObjectStorage;
  taxonomy: TaxonomyService;
}

async function presentOwnProfile(deps: ProfileDeps, userId: string): Promise<Profile> {
  const row = await profiles.findOwnProfile(deps.db, userId);
  if (!row?.username) {
    throw new AppError('unauthorized');
  }
  return {
    username: row.username,
    displayName: row.display_name,
    bio: row.bio,
    company: row.company,
    jobTitle: row.job_title,
    website: row.website,
    phone: row.phone_encrypted ? deps.secretBox.decrypt(row.phone_encrypted) : null,
    interests: row.interests,
    locale: row.locale,
    avatarUrl: avatarUrl(row.username, row),
    role: row.role,
  };
}

/** The owner's own profile, phone number decrypted. */
export function getOwnProfile(deps: ProfileDeps, auth: AuthContext): Promise<Profile> {
  return presentOwnProfile(deps, auth.userId);
}

/** Changes only the given fields; `null` clears one. Interests must be existing categories. */
export async function updateOwnProfile(
  deps: ProfileDeps,
  auth: AuthContext,
  input: ProfileUpdate,
): Promise<Profile> {
  if (input.interests) {
    const unique = [...new Set(input.interests)];
    const unknown = await deps.taxonomy.unknownCategoryIds(unique);
    if (unknown.length > 0) {
      throw errors.field('body.interests', 'unknown_category');
    }
    input.interests = unique;
  }
  const now = deps.clock.now();
  const blankToNull = (value: string | null | undefined) =>
    value === undefined ? undefined : value?.trim() ? value.trim() : null;
  await deps.db.transaction().execute(async (trx) => {
    if (input.displayName !== undefined || input.locale !== undefined) {
      await profiles.updateAccountFields(trx, auth.userId, {
        ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
        ...(input.locale !== undefined ? { locale: input.locale } : {}),
        updated_at: now,
      });
    }
    const phone = blankToNull(input.phone);
    await profiles.updateProfile(trx, auth.userId, {
      ...(input.bio !== undefined ? { bio: blankToNull(input.bio) ?? null } : {}),
      ...(input.company !== undefined ? { company: blankToNull(input.company) ?? null } : {}),
      ...(input.jobTitle !== undefined ? { job_title: blankToNull(input.jobTitle) ?? null } : {}),
      ...(input.website !== undefined ? { website: input.website } : {}),
      ...(phone !== undefined
        ? { phone_encrypted: phone === null ? null : deps.secretBox.encrypt(phone) }
        : {}),
      ...(input.interests !== undefined ? { interests: input.interests } : {}),
      updated_at: now,
    });
  });
  return presentOwnProfile(deps, auth.userId);
}

/**
 * Re-encodes an uploaded image into a 200×200 WebP (which drops EXIF and any other metadata)
 * and makes it the avatar. The old image is removed only after the database points to the new one;
 * a failed database write removes the new image, so no file is left behind either way.
 */
export async function replaceAvatar(deps: ProfileDeps, auth: AuthContext, upload: Buffer): Promise<Profile> {
  let image: Buffer;
  try {
    const pipeline = sharp(upload, { limitInputPixels: AVATAR_MAX_INPUT_PIXELS, failOn: 'error' });
    const meta = await pipeline.metadata();
    if (!meta.format || !AVATAR_FORMATS.has(meta.format)) {
      throw new Error('unsupported format');
    }
    image = await pipeline
      .rotate()
      .resize(AVATAR_SIZE_PX, AVATAR_SIZE_PX, { fit: 'cover', position: 'attention' })
      .webp({ quality: 82 })
      .toBuffer();
  } catch {
    throw new AppError('unsupported_media_type', { detail: 'avatar' });
  }
  const now = deps.clock.now();
  const key = `avatars/${auth.userId}/${now.getTime().toString(36)}.webp`;
  const before = await profiles.findOwnProfile(deps.db, auth.userId);
  await deps.storage.put(key, image, { contentType: 'image/webp' });
  try {
    await profiles.updateProfile(deps.db, auth.userId, {
      avatar_key: key,
      avatar_updated_at: now,
      updated_at: now,
    });
  } catch (error) {
    await deps.storage.delete(key);
    throw error;
  }
  if (before?.avatar_key && before.avatar_key !== key) {
    await deps.storage.delete(before.avatar_key);
  }
  return presentOwnProfile(deps, auth.userId);
}

/** Removes the avatar (the initials show instead). */
export async function removeAvatar(deps: ProfileDeps, auth: AuthContext): Promise<Profile> {
  const before = await profiles.findOwnProfile(deps.db, auth.userId);
  await profiles.updateProfile(deps.db, auth.userId, {
    avatar_key: null,
    avatar_updated_at: null,
    updated_at: deps.clock.now(),
  });
  if (before?.avatar_key) {
    await deps.storage.delete(before.avatar_key);
  }
  return presentOwnProfile(deps, auth.userId);
}

/**
 * A user as others see them: creators and staff have a public card; consumers are visible only
 * to signed-in users, and then with minimal fields. Inactive and unknown accounts are "not found".
 */
export async function getPublicProfile(
  deps: ProfileDeps,
  viewer: AuthContext | null,
  username: string,
): Promise<PublicProfile> {
  const row = await profiles.findPublicProfile(deps.db, username);
  if (!row?.username) {
    throw new AppError('not_found');
  }
  const isPublicCard = row.role !== 'consumer';
  if (!isPublicCard && !viewer) {
    throw new AppError('not_found');
  }
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    avatarUrl: avatarUrl(row.username, row),
    bio: isPublicCard ? row.bio : null,
    company: isPublicCard ? row.company : null,
    jobTitle: isPublicCard ? row.job_title : null,
    website: isPublicCard ? row.website : null,
    verified: row.provider_verified_at !== null,
    memberSince: row.created_at.toISOString(),
  };
}

/** The avatar image of a user, for `GET /users/{username}/avatar`. */
export async function openAvatar(
  deps: ProfileDeps,
  viewer: AuthContext | null,
  username: string,
): Promise<Readable> {
  const row = await profiles.findPublicProfile(deps.db, username);
  if (!row?.avatar_key || (row.role === 'consumer' && !viewer)) {
    throw new AppError('not_found');
  }
  const object = await deps.storage.get(row.avatar_key);
  return object.body;
}
