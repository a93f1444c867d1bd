import { customScenario } from '../lib/scenario.ts';
import { reportUpload, uploadMeasurement, uploadZip, withTempZip } from './zip-upload.ts';

/** The most entries a ZIP may hold (SPEC §4.2). */
const ENTRY_COUNT = 2000;

/** A small, different UTF-8 text per entry. */
function entryText(i: number): Buffer {
  return Buffer.from(
    `Datei ${i + 1} von ${ENTRY_COUNT}: Übungstext für den Lasttest, Größe ein paar Hundert Bytes.\n`.repeat(
      4,
    ),
  );
}

/** The per-entry cost of an upload: inspection and extraction of a ZIP at the entry limit. */
export const zip2000Entries = customScenario({
  name: 'zip-2000-entries',
  description:
    'One ZIP with 2,000 small .txt entries uploaded to POST /api/v1/nanos/:id/versions as demo-creator: validation and extraction time per entry as the client sees it; 201.',
  async run(ctx) {
    const entries = Array.from({ length: ENTRY_COUNT }, (_, i) => ({
      name: `texte/${String(Math.floor(i / 100)).padStart(2, '0')}/datei-${String(i + 1).padStart(4, '0')}.txt`,
      data: entryText(i),
    }));
    return withTempZip(entries, ctx.signal, async (file, bytes) => {
      const result = await uploadZip(ctx, 'demo-creator', file, bytes);
      reportUpload('zip-2000-entries', result, bytes);
      return uploadMeasurement(result);
    });
  },
});
