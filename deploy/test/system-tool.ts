import { spawnSync } from 'node:child_process';

/**
 * Whether a system tool the deploy checks need (promtool, amtool, kubectl) can run here. A
 * developer machine without it skips those checks with a note; in CI (`CI` set) a missing tool
 * fails the run, so the checks can never be skipped silently where they count.
 */
export function hasSystemTool(command: string, debianPackage: string, versionArgs = ['--version']): boolean {
  const result = spawnSync(command, versionArgs, { encoding: 'utf8' });
  if (!result.error) {
    return true;
  }
  const hint = `${command} is not installed (apt-get install -y ${debianPackage})`;
  if (process.env.CI) {
    throw new Error(`${hint}; CI must install it`);
  }
  console.warn(`Skipping the ${command} checks: ${hint}`);
  return false;
}

/** A finished command: exit code, standard output, and both streams together for assertion messages. */
export interface CommandResult {
  status: number | null;
  stdout: string;
  output: string;
}

/** Runs a command to completion. */
export function run(command: string, args: string[], cwd?: string): CommandResult {
  const result = spawnSync(command, args, { encoding: 'utf8', cwd, maxBuffer: 64 * 1024 * 1024 });
  return {
    status: result.status,
    stdout: result.stdout ?? '',
    output: `${result.stdout ?? ''}${result.stderr ?? ''}`,
  };
}
