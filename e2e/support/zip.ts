import { unzip } from '../../apps/server/test/privacy/export-zip.ts';

/** Every text file of a ZIP by path (the server tests' unzip helper, decoded as UTF-8). */
export async function zipEntries(buffer: Buffer): Promise<Map<string, string>> {
  const files = await unzip(buffer);
  return new Map([...files].map(([name, content]) => [name, content.toString('utf8')]));
}
