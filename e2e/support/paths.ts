import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where journeys leave server logs and screenshots for a human to look at (git-ignored). */
export const artifactsDir = path.join(repoRoot, 'e2e', 'artifacts');

/** Absolute path of a file in the artifacts directory, which is created on first use. */
export function artifactPath(fileName: string): string {
  mkdirSync(artifactsDir, { recursive: true });
  return path.join(artifactsDir, fileName);
}
