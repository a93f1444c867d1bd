/**
 * Test-only helpers: ZIP archives and file contents built in memory, so no binary fixture is committed. `yazl`
 * builds honest archives; {@link rawZip} writes the ones yazl refuses to (bad paths, encryption flags, lying
 * sizes, overlapping entries) from the ZIP record layouts of APPNOTE.TXT §4.3.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { ZipFile } from 'yazl';
import { createLocalStorage } from '../../platform/storage/local-storage.ts';
import type { ObjectStorage } from '../../platform/storage.ts';
import type { ZipSource } from './storage-zip-reader.ts';

/** One entry for {@link yazlZip}: a file (deflated unless `compress: false`) or a folder. */
export type ZipSpec =
  | { path: string; content: Buffer | string; compress?: boolean; mode?: number }
  | { directory: string };

/** An honest ZIP made by yazl, as common tools make them. */
export function yazlZip(specs: readonly ZipSpec[]): Promise<Buffer> {
  const zip = new ZipFile();
  for (const spec of specs) {
    if ('directory' in spec) {
      zip.addEmptyDirectory(spec.directory);
    } else {
      const content = typeof spec.content === 'string' ? Buffer.from(spec.content) : spec.content;
      zip.addBuffer(content, spec.path, {
        compress: spec.compress ?? true,
        ...(spec.mode === undefined ? {} : { mode: spec.mode }),
      });
    }
  }
  zip.end();
  return collect(zip.outputStream);
}

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/** One entry for {@link rawZip}; every header field can be forged. */
export interface RawEntry {
  /** Written as is (UTF-8 for strings, with the UTF-8 flag set). */
  name: string | Buffer;
  /** The uncompressed content; deflated when `method` is 8 (the default) and `data` is not given. */
  content?: Buffer | string;
  /** The bytes stored after the local header, instead of `content` compressed. */
  data?: Buffer;
  method?: number;
  flags?: number;
  crc32?: number;
  /** Defaults to the length of `content`. */
  uncompressedSize?: number;
  /** Upper 16 bits: Unix mode (e.g. `0o120777 << 16` for a symlink); lower: MS-DOS attributes. */
  externalAttributes?: number;
  /** Write no local record, and point the central record at entry `reuseLocalOf`'s (overlapping entries). */
  reuseLocalOf?: number;
}

const UTF8_FLAG = 0x800;
// Made by Unix (3), spec version 2.0, as Info-ZIP writes it, so Unix modes in the attributes count.
const MADE_BY_UNIX = (3 << 8) | 20;
const VERSION_NEEDED = 20;
const REGULAR_FILE_ATTRIBUTES = (0o100644 << 16) >>> 0;

/** A ZIP written record by record, for archives no honest tool produces. */
export function rawZip(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = typeof entry.name === 'string' ? Buffer.from(entry.name) : entry.name;
    const content =
      typeof entry.content === 'string' ? Buffer.from(entry.content) : (entry.content ?? Buffer.alloc(0));
    const method = entry.method ?? 8;
    const data = entry.data ?? (method === 8 ? deflateRawSync(content) : content);
    const flags = entry.flags ?? (typeof entry.name === 'string' ? UTF8_FLAG : 0);
    const crc = entry.crc32 ?? crc32(content);
    const uncompressedSize = entry.uncompressedSize ?? content.length;
    const localOffset = entry.reuseLocalOf === undefined ? offset : (offsets[entry.reuseLocalOf] ?? 0);
    offsets.push(localOffset);
    if (entry.reuseLocalOf === undefined) {
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(VERSION_NEEDED, 4);
      local.writeUInt16LE(flags, 6);
      local.writeUInt16LE(method, 8);
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(data.length, 18);
      local.writeUInt32LE(uncompressedSize, 22);
      local.writeUInt16LE(name.length, 26);
      locals.push(local, name, data);
      offset += local.length + name.length + data.length;
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(MADE_BY_UNIX, 4);
    central.writeUInt16LE(VERSION_NEEDED, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(uncompressedSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(entry.externalAttributes ?? REGULAR_FILE_ATTRIBUTES, 38);
    central.writeUInt32LE(localOffset, 42);
    centrals.push(central, name);
  }
  const centralDirectory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDirectory, end]);
}

/** Sets general purpose flag bits of every entry of a yazl ZIP, in local and central headers alike. */
export function patchFlags(zip: Buffer, bits: number): Buffer {
  const patched = Buffer.from(zip);
  for (let at = 0; at + 4 <= patched.length; at++) {
    const signature = patched.readUInt32LE(at);
    if (signature === 0x04034b50) {
      patched.writeUInt16LE(patched.readUInt16LE(at + 6) | bits, at + 6);
    } else if (signature === 0x02014b50) {
      patched.writeUInt16LE(patched.readUInt16LE(at + 8) | bits, at + 8);
    }
  }
  return patched;
}

const DEFLATE_FINAL_EMPTY_BLOCK = Buffer.from([0x03, 0x00]);

/**
 * Raw deflate data of `mebibytes` MiB of zeros, made cheaply: one MiB compressed once (flushed so it ends on a
 * block boundary and needs nothing before it), repeated, and closed with an empty final block.
 */
export function deflatedZeros(mebibytes: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array.from({ length: mebibytes }, () => block), DEFLATE_FINAL_EMPTY_BLOCK]);
}

/** A real one-page PDF. */
export async function pdfBytes(): Promise<Buffer> {
  const document = await PDFDocument.create();
  document.addPage([200, 200]).drawText('Nano');
  return Buffer.from(await document.save());
}

/** A tiny real image in the given format. */
export function imageBytes(format: 'png' | 'jpeg' | 'webp'): Promise<Buffer> {
  return sharp({ create: { width: 4, height: 4, channels: 3, background: '#3366cc' } })
    .toFormat(format)
    .toBuffer();
}

/** An MP4 start: the `ftyp` box (brand `isom`) and an empty `free` box, which is what file-type looks at. */
export function mp4Bytes(): Buffer {
  const ftyp = Buffer.concat([
    Buffer.from([0, 0, 0, 24]),
    Buffer.from('ftypisom'),
    Buffer.from([0, 0, 2, 0]),
    Buffer.from('isommp41'),
  ]);
  return Buffer.concat([ftyp, Buffer.from([0, 0, 0, 8]), Buffer.from('free')]);
}

/** A WebM start: the EBML header with DocType "webm", then a Segment of unknown size. */
export function webmBytes(): Buffer {
  const element = (id: number[], payload: number[]): number[] => [...id, 0x80 | payload.length, ...payload];
  const header = [
    ...element([0x42, 0x86], [1]), // EBMLVersion
    ...element([0x42, 0xf7], [1]), // EBMLReadVersion
    ...element([0x42, 0xf2], [4]), // EBMLMaxIDLength
    ...element([0x42, 0xf3], [8]), // EBMLMaxSizeLength
    ...element([0x42, 0x82], [...Buffer.from('webm')]), // DocType
    ...element([0x42, 0x87], [4]), // DocTypeVersion
    ...element([0x42, 0x85], [2]), // DocTypeReadVersion
  ];
  return Buffer.from([
    0x1a,
    0x45,
    0xdf,
    0xa3,
    0x80 | header.length,
    ...header,
    ...[0x18, 0x53, 0x80, 0x67, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
  ]);
}

/** An MP3 start: an empty ID3v2.3 tag, then an MPEG-1 Layer III frame header (128 kbit/s, 44.1 kHz). */
export function mp3Bytes(): Buffer {
  const tag = Buffer.from([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 0]);
  const frame = Buffer.alloc(417);
  frame.set([0xff, 0xfb, 0x90, 0x64]);
  return Buffer.concat([tag, frame, frame]);
}

/** A WOFF2 font header (signature, TrueType flavour) padded to the header's 48 bytes. */
export function woff2Bytes(): Buffer {
  const header = Buffer.alloc(48);
  header.write('wOF2', 0, 'latin1');
  header.writeUInt32BE(0x00010000, 4);
  return header;
}

/** A real object store in a temp dir, for tests that read ZIPs the way production does. */
export interface TestStore {
  storage: ObjectStorage;
  /** Stores `zip` under a fresh key and returns it as an inspection source. */
  add(zip: Buffer): Promise<ZipSource>;
  stop(): Promise<void>;
}

/** A {@link TestStore}; call `stop()` in `afterAll`. */
export async function createTestStore(): Promise<TestStore> {
  const rootDir = await mkdtemp(path.join(tmpdir(), 'nano-uploads-'));
  const storage = createLocalStorage({ rootDir });
  let counter = 0;
  return {
    storage,
    async add(zip) {
      counter += 1;
      const key = `tmp/upload-${counter}.zip`;
      const { size } = await storage.put(key, zip);
      return { storage, key, size };
    },
    stop: () => rm(rootDir, { recursive: true, force: true }),
  };
}
