import type { Kysely } from 'kysely';
import sharp from 'sharp';
import type { Database } from '../../db/database.ts';
import { escapeHtml } from '../../lib/mail-layout.ts';
import type { Clock } from '../../platform/clock.ts';
import type { ObjectStorage } from '../../platform/storage.ts';
import * as repo from './catalog.repository.ts';

export const THUMBNAIL_WIDTH = 640;
export const THUMBNAIL_HEIGHT = 360;
/** Images bigger than this are not decoded for a thumbnail (decompression bombs). */
export const THUMBNAIL_MAX_INPUT_PIXELS = 40_000_000;
/** Largest image file inside a ZIP that is read for a thumbnail. */
export const THUMBNAIL_SOURCE_MAX_BYTES = 20 * 1024 * 1024;
const IMAGE_KINDS = new Set(['jpeg', 'png', 'webp']);

/** Any image scaled and cropped to 640×360 WebP (metadata dropped). */
export async function toThumbnail(image: Buffer): Promise<Buffer> {
  return sharp(image, { limitInputPixels: THUMBNAIL_MAX_INPUT_PIXELS, failOn: 'error' })
    .rotate()
    .resize(THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT, { fit: 'cover', position: 'attention' })
    .webp({ quality: 80 })
    .toBuffer();
}

function wrap(title: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of title.split(/\s+/)) {
    if ((line ? `${line} ${word}` : word).length > width && line) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) {
    lines.push(line);
  }
  return lines.slice(0, 3);
}

/** A generated title card for Nanos without any image. */
export async function titleCard(title: string): Promise<Buffer> {
  const lines = wrap(title, 26);
  const text = lines
    .map(
      (l, i) =>
        `<text x="48" y="${150 + i * 52 - (lines.length - 1) * 26}" font-size="40" font-weight="700" fill="#ffffff" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif">${escapeHtml(l)}</text>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${THUMBNAIL_WIDTH}" height="${THUMBNAIL_HEIGHT}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#1864ab"/><stop offset="1" stop-color="#0b7285"/></linearGradient></defs>
<rect width="100%" height="100%" fill="url(#g)"/>${text}
<text x="48" y="320" font-size="22" fill="#d0ebff" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif">Nano-Marktplatz</text></svg>`;
  return sharp(Buffer.from(svg)).webp({ quality: 85 }).toBuffer();
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/** Stores a new thumbnail for a Nano and removes the previous file. */
export async function storeThumbnail(
  deps: { db: Kysely<Database>; storage: ObjectStorage; clock: Clock },
  nanoId: string,
  image: Buffer,
  uploaded: boolean,
): Promise<void> {
  const before = await repo.findNano(deps.db, nanoId);
  const key = `nanos/${nanoId}/thumbnail-${deps.clock.now().getTime().toString(36)}.webp`;
  await deps.storage.put(key, image, { contentType: 'image/webp' });
  try {
    await deps.db
      .updateTable('nanos')
      .set({ thumbnail_key: key, thumbnail_uploaded: uploaded })
      .where('id', '=', nanoId)
      .execute();
  } catch (error) {
    await deps.storage.delete(key);
    throw error;
  }
  if (before?.thumbnail_key && before.thumbnail_key !== key) {
    await deps.storage.delete(before.thumbnail_key);
  }
}

/**
 * Background job: the thumbnail of a Nano without an uploaded one — the first image in its
 * current (or open) version, else a title card. Idempotent: running it twice only replaces the image.
 */
export async function generateThumbnail(
  deps: { db: Kysely<Database>; storage: ObjectStorage; clock: Clock },
  nanoId: string,
): Promise<void> {
  const nano = await repo.findNano(deps.db, nanoId);
  if (!nano || nano.thumbnail_uploaded || nano.status === 'deleted') {
    return;
  }
  const versionId = nano.current_version_id ?? (await repo.findOpenVersion(deps.db, nanoId))?.id;
  const version = versionId ? await repo.findVersion(deps.db, nanoId, versionId) : undefined;
  let image: Buffer | undefined;
  if (version) {
    const files = await repo.listVersionFiles(deps.db, version.id);
    const first = files.find(
      (f) => IMAGE_KINDS.has(f.kind) && Number(f.size_bytes) <= THUMBNAIL_SOURCE_MAX_BYTES,
    );
    if (first) {
      try {
        const object = await deps.storage.get(`${version.content_prefix}/${first.path}`);
        image = await toThumbnail(await readAll(object.body));
      } catch {
        image = undefined;
      }
    }
  }
  await storeThumbnail(deps, nanoId, image ?? (await titleCard(nano.title)), false);
}
