import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { ZipFile } from 'yazl';
import type { TestApp } from './app.ts';
import type { TestClient } from './http-client.ts';

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

/** Builds a ZIP in memory from `files` (path → content). */
export function makeZip(files: Record<string, Buffer | string>): Promise<Buffer> {
  const zip = new ZipFile();
  for (const [path, content] of Object.entries(files)) {
    zip.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), path);
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
