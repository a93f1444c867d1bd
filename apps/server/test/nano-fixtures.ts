import { REVIEW_CHECKLIST } from '@nano/contracts';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { ZipFile } from 'yazl';
import type { TestApp } from './app.ts';
import type { TestClient } from './http-client.ts';

/** Every review checklist item ticked: what an approval needs. */
export const FULL_CHECKLIST: Record<string, boolean> = Object.fromEntries(
  REVIEW_CHECKLIST.map((item) => [item, true]),
);

/** The body of an approval (every checklist item ticked). */
export const APPROVE = { decision: 'approve', checklist: FULL_CHECKLIST } as const;

/** A small real PDF with `pages` pages of text. */
export async function makePdf(title: string, pages = 2): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage([595, 842]);
    page.drawText(`${title} – Seite ${i}`, { x: 50, y: 780, size: 20, font });
  }
  return Buffer.from(await doc.save());
}

export async function makePng(width = 320, height = 180): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#2f9e44' } })
    .png()
    .toBuffer();
}

/** Builds a ZIP in memory from `files` (path → content); `compress: false` stores them as they are. */
export function makeZip(
  files: Record<string, Buffer | string>,
  { compress = true }: { compress?: boolean } = {},
): Promise<Buffer> {
  const zip = new ZipFile();
  for (const [path, content] of Object.entries(files)) {
    zip.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), path, { compress });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

/** A typical Nano ZIP: slides as PDF, an image and notes. */
export async function makeNanoZip(title = 'Excel Pivot in 10 Minuten'): Promise<Buffer> {
  return makeZip({
    'folien.pdf': await makePdf(title),
    'bilder/diagramm.png': await makePng(),
    'notizen.md': `# ${title}\n\nÜbung macht den Meister.`,
  });
}

/** A multipart body as the upload wizard sends it: fields first, then the file. */
export function multipartBody(
  file: Buffer,
  fields: Record<string, string> = {},
  filename = 'nano.zip',
  contentType = 'application/zip',
) {
  const boundary = '----nano-upload-boundary';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
  );
  parts.push(file, Buffer.from(`\r\n--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Complete metadata for a Nano, with the first child category. */
export async function completeMetadata(t: TestApp, overrides: Record<string, unknown> = {}) {
  const tree = await t.platform.database.db
    .selectFrom('categories')
    .select('id')
    .where('parent_id', 'is not', null)
    .limit(1)
    .executeTakeFirstOrThrow();
  return {
    title: 'Excel Pivot in 10 Minuten',
    description: 'Pivot-Tabellen Schritt für Schritt: von der Rohliste zur Auswertung.',
    durationMinutes: 10,
    level: 1,
    language: 'de',
    format: 'mixed',
    license: 'CC-BY-4.0',
    categoryIds: [tree.id],
    tags: ['excel', 'pivot'],
    downloadAllowed: true,
    ...overrides,
  };
}

/** Creates a Nano with a file as `creator` and returns its id (status draft). */
export async function createDraftWithFile(
  t: TestApp,
  creator: TestClient,
  zip?: Buffer,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const created = await creator.post('/api/v1/nanos', await completeMetadata(t, overrides));
  if (created.statusCode !== 201) {
    throw new Error(`create failed: ${created.body}`);
  }
  const id = created.json().id as string;
  const upload = multipartBody(zip ?? (await makeNanoZip()));
  const res = await creator.request({ method: 'POST', url: `/api/v1/nanos/${id}/versions`, ...upload });
  if (res.statusCode !== 201) {
    throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
  }
  return id;
}

/** Posts `zip` as a new file of Nano `id`, as the upload wizard does (fields before the file). */
export function uploadZip(
  creator: TestClient,
  id: string,
  zip: Buffer,
  options: { fields?: Record<string, string>; headers?: Record<string, string>; filename?: string } = {},
) {
  const body = multipartBody(zip, options.fields, options.filename);
  return creator.request({
    method: 'POST',
    url: `/api/v1/nanos/${id}/versions`,
    payload: body.payload,
    headers: { ...body.headers, ...options.headers },
  });
}

/** Starts a draft without a file as `creator` (complete metadata unless overridden) and returns its id. */
export async function createDraft(
  t: TestApp,
  creator: TestClient,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const created = await creator.post('/api/v1/nanos', await completeMetadata(t, overrides));
  if (created.statusCode !== 201) {
    throw new Error(`create failed: ${created.statusCode} ${created.body}`);
  }
  return created.json().id as string;
}

/** A Nano of `creator` with a file, submitted and approved by `moderator`; returns its id. */
export async function createPublishedNano(
  t: TestApp,
  creator: TestClient,
  moderator: TestClient,
  zip?: Buffer,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const id = await createDraftWithFile(t, creator, zip, overrides);
  const submitted = await creator.post(`/api/v1/nanos/${id}/submit`);
  if (submitted.statusCode !== 200) {
    throw new Error(`submit failed: ${submitted.statusCode} ${submitted.body}`);
  }
  const approved = await moderator.post(`/api/v1/moderation/nanos/${id}/decision`, APPROVE);
  if (approved.statusCode !== 200) {
    throw new Error(`approve failed: ${approved.statusCode} ${approved.body}`);
  }
  return id;
}

/** Every object key in storage under `prefix`, in key order. */
export async function storedKeys(t: TestApp, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const object of t.platform.storage.list(prefix)) {
    keys.push(object.key);
  }
  return keys;
}

/** The version rows of a Nano (with their file rows counted), oldest first. */
export async function versionRows(
  t: TestApp,
  nanoId: string,
): Promise<Array<{ id: string; status: string; files: number }>> {
  const rows = await t.platform.database.db
    .selectFrom('nano_versions')
    .leftJoin('nano_version_files', 'nano_version_files.version_id', 'nano_versions.id')
    .select((eb) => [
      'nano_versions.id',
      'nano_versions.status',
      eb.fn.count<number>('nano_version_files.path').as('files'),
    ])
    .where('nano_versions.nano_id', '=', nanoId)
    .groupBy(['nano_versions.id', 'nano_versions.status', 'nano_versions.created_at'])
    .orderBy('nano_versions.created_at', 'asc')
    .execute();
  return rows.map((row) => ({ id: row.id, status: row.status, files: Number(row.files) }));
}

/** The audit actions recorded about one Nano, oldest first. */
export async function nanoAuditActions(t: TestApp, nanoId: string): Promise<string[]> {
  const rows = await t.platform.database.db
    .selectFrom('audit_events')
    .select('action')
    .where('target_type', '=', 'nano')
    .where('target_id', '=', nanoId)
    .orderBy('seq', 'asc')
    .execute();
  return rows.map((row) => row.action);
}
