import yauzl from 'yauzl';

/** Every file of a ZIP by path (directories left out). */
export function unzip(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) {
        reject(error ?? new Error('no zip'));
        return;
      }
      const files = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) {
          zip.readEntry();
          return;
        }
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) {
            reject(streamError ?? new Error('no stream'));
            return;
          }
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** Every primitive inside a parsed JSON value (or a database value), as strings. */
export function leaves(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (value === null || value === undefined) {
    return out;
  }
  if (value instanceof Date) {
    out.add(value.toISOString());
  } else if (Array.isArray(value)) {
    for (const item of value) {
      leaves(item, out);
    }
  } else if (typeof value === 'object') {
    for (const item of Object.values(value as Record<string, unknown>)) {
      leaves(item, out);
    }
  } else {
    out.add(String(value));
  }
  return out;
}
