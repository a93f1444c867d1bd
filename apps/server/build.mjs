// Bundles the server (with the workspace contracts inlined) into dist/cli.js; npm packages stay external.
// Code splitting keeps what cli.ts imports dynamically (the commands, the tracing SDK) in chunks of
// their own, so their npm imports load only when cli.ts has started tracing (see src/cli.ts).
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies).filter((name) => !name.startsWith('@nano/'));

// Chunk names carry content hashes: start empty so stale chunks do not pile up in dist/.
rmSync(new URL('./dist', import.meta.url), { recursive: true, force: true });

await build({
  entryPoints: ['src/cli.ts'],
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external,
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
