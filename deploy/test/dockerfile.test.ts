import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url);
const dockerfile = readFileSync(new URL('deploy/Dockerfile', ROOT), 'utf8');
const dockerignore = readFileSync(new URL('.dockerignore', ROOT), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));

interface Instruction {
  keyword: string;
  args: string;
}
interface Stage {
  name: string;
  from: string;
  instructions: Instruction[];
}

/** The Dockerfile's instructions (continuation lines joined, comments dropped), split into stages. */
function parseDockerfile(text: string): { args: Map<string, string>; stages: Stage[] } {
  const lines = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const args = new Map<string, string>();
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, keyword = '', rest = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const instruction = { keyword: keyword.toUpperCase(), args: rest.replace(/\s+/g, ' ') };
    if (instruction.keyword === 'FROM') {
      const [image, , name] = instruction.args.split(' ');
      const from = image.replace(/\$\{(\w+)\}/g, (_all, arg: string) => args.get(arg) ?? '');
      stages.push({ name: name ?? String(stages.length), from, instructions: [] });
    } else if (stages.length === 0 && instruction.keyword === 'ARG') {
      const [name, value = ''] = instruction.args.split('=');
      args.set(name, value);
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return { args, stages };
}

const { stages } = parseDockerfile(dockerfile);
const byName = (name: string) => stages.find((s) => s.name === name);
const final = stages.at(-1) as Stage;
const all = (stage: Stage, keyword: string) =>
  stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);
const last = (stage: Stage, keyword: string) => all(stage, keyword).at(-1);

describe('deploy/Dockerfile', () => {
  it('builds in several stages from one pinned Node 20 image (glibc for the native modules)', () => {
    expect(stages.map((s) => s.name)).toEqual(['deps', 'build', 'prod-deps', 'runtime']);
    for (const stage of stages.filter((s) => s.from !== 'deps')) {
      expect(stage.from, stage.name).toMatch(/^node:20\.\d+\.\d+-bookworm-slim$/);
    }
    expect(byName('build')?.from).toBe('deps');
  });

  it('installs the manifests of every workspace before `npm ci` (the lockfile needs them)', () => {
    const rootPackage = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as {
      workspaces: string[];
    };
    const lock = JSON.parse(readFileSync(new URL('package-lock.json', ROOT), 'utf8')) as {
      packages: Record<string, { link?: boolean }>;
    };
    const workspaceDirs = Object.keys(lock.packages).filter(
      (key) =>
        key &&
        !key.includes('node_modules') &&
        rootPackage.workspaces.some((glob) => key.startsWith(glob.replace('/*', '/')) || key === glob),
    );
    expect(workspaceDirs.length).toBeGreaterThan(0);
    for (const stage of [byName('deps'), byName('prod-deps')] as Stage[]) {
      const copied = all(stage, 'COPY').join('\n');
      for (const dir of workspaceDirs) {
        expect(copied, `${stage.name}: ${dir}`).toContain(`${dir}/package.json`);
      }
    }
  });

  it('builds the web app and the server bundle', () => {
    expect(all(byName('build') as Stage, 'RUN')).toContain('npm run build');
    const copied = all(final, 'COPY').join('\n');
    expect(copied).toMatch(/--from=build .*\/app\/apps\/server\/dist /);
    expect(copied).toMatch(/--from=build .*\/app\/apps\/web\/dist /);
  });

  it('ships production dependencies only', () => {
    const install = all(byName('prod-deps') as Stage, 'RUN').join(' ');
    expect(install).toMatch(/npm ci --omit=dev --workspace @nano\/server/);
    const copiedModules = all(final, 'COPY').filter((args) => args.includes('node_modules'));
    expect(copiedModules.length).toBeGreaterThan(0);
    for (const args of copiedModules) {
      expect(args).toMatch(/^--from=prod-deps /);
    }
    expect(all(final, 'RUN').join(' ')).not.toMatch(/npm (ci|install)/);
  });

  it('runs as a non-root user in production mode', () => {
    const user = last(final, 'USER');
    expect(user).toBeDefined();
    expect(['root', '0', '0:0']).not.toContain(user);
    expect(all(final, 'ENV').join(' ')).toMatch(/NODE_ENV=production/);
  });

  it('checks /health/live with Node itself and exposes the port', () => {
    const healthcheck = last(final, 'HEALTHCHECK') ?? '';
    expect(healthcheck).toMatch(/CMD \["node", "-e", ".*\/health\/live/);
    expect(last(final, 'EXPOSE')).toBe('3000');
  });

  it('starts the CLI: `serve` by default, `worker` as a command', () => {
    expect(JSON.parse(last(final, 'ENTRYPOINT') ?? 'null')).toEqual(['node', 'apps/server/dist/cli.js']);
    expect(JSON.parse(last(final, 'CMD') ?? 'null')).toEqual(['serve']);
    const cli = readFileSync(fileURLToPath(new URL('apps/server/src/commands.ts', ROOT)), 'utf8');
    expect(cli).toMatch(/async worker\(/);
  });
});

describe('.dockerignore', () => {
  it('keeps dependencies, builds, local data, secrets and git out of the build context', () => {
    for (const entry of ['**/node_modules', '**/dist', 'data', '.git', '.env', 'e2e/artifacts']) {
      expect(dockerignore).toContain(entry);
    }
  });
});
