// Rebuilds the web app and the server bundle when their output is missing or older than their sources.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(target) {
  if (!existsSync(target)) {
    return 0;
  }
  const stat = statSync(target);
  if (!stat.isDirectory()) {
    return stat.mtimeMs;
  }
  let newest = 0;
  for (const entry of readdirSync(target)) {
    if (entry === 'node_modules' || entry === 'dist') {
      continue;
    }
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

const targets = [
  {
    workspace: '@nano/web',
    output: 'apps/web/dist/index.html',
    sources: [
      'apps/web/src',
      'apps/web/index.html',
      'apps/web/vite.config.ts',
      'apps/web/public',
      'packages/contracts/src',
    ],
  },
  {
    workspace: '@nano/server',
    output: 'apps/server/dist/cli.js',
    sources: ['apps/server/src', 'apps/server/build.mjs', 'packages/contracts/src'],
  },
];

/** Builds each stale target; returns the names of what was built. */
export function buildIfStale() {
  const built = [];
  for (const target of targets) {
    const outputTime = newestMtime(path.join(root, target.output));
    const sourceTime = Math.max(...target.sources.map((s) => newestMtime(path.join(root, s))));
    if (outputTime === 0 || sourceTime > outputTime) {
      process.stdout.write(`Building ${target.workspace}…\n`);
      execFileSync('npm', ['run', 'build', '-w', target.workspace], { cwd: root, stdio: 'inherit' });
      built.push(target.workspace);
    }
  }
  return built;
}
