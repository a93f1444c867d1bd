import { Readable } from 'node:stream';
import { customScenario } from '../lib/scenario.ts';
import { reportUpload, uploadMeasurement, uploadZip, withTempZip } from './zip-upload.ts';

/** Three stored text entries of 33 MB each: a ~99 MB (94.4 MiB) ZIP, below the 100 MiB limit. */
const ENTRY_COUNT = 3;
const ENTRY_BYTES = 33_000_000;
const CHUNK_BYTES = 1024 * 1024;

/** `bytes` of ASCII text, produced chunk by chunk (never all in memory); ends early when `signal` fires. */
function asciiText(bytes: number, signal: AbortSignal): Readable {
  const line = 'Nano-Marktplatz Lasttest: ein langer Text aus reinem ASCII, Zeile fuer Zeile.\n';
  const chunk = Buffer.from(line.repeat(Math.ceil(CHUNK_BYTES / line.length))).subarray(0, CHUNK_BYTES);
  return Readable.from(
    (function* () {
      for (let left = bytes; left > 0; left -= CHUNK_BYTES) {
        if (signal.aborted) {
          return; // the ZIP's pipeline rejects with the abort; an error here would go unhandled in yazl
        }
        yield left >= CHUNK_BYTES ? chunk : chunk.subarray(0, left);
      }
    })(),
    { objectMode: false },
  );
}

/** SPEC §6: a 100 MB upload with server memory growth ≤ 64 MB (read the RSS rows of this scenario). */
export const upload100mb = customScenario({
  name: 'upload-100mb',
  description:
    'One ~99 MB ZIP (3 stored .txt entries of 33 MB) streamed as multipart to POST /api/v1/nanos/:id/versions as demo-creator: wall time, throughput and the server RSS growth while it validates and extracts; 201.',
  async run(ctx) {
    const entries = Array.from({ length: ENTRY_COUNT }, (_, i) => ({
      name: `texte/teil-${i + 1}.txt`,
      data: asciiText(ENTRY_BYTES, ctx.signal),
    }));
    return withTempZip(entries, ctx.signal, async (file, bytes) => {
      const result = await uploadZip(ctx, 'demo-creator', file, bytes);
      reportUpload('upload-100mb', result, bytes);
      return uploadMeasurement(result);
    });
  },
});
