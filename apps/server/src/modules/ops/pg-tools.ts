import { spawn } from 'node:child_process';
import pg from 'pg';

/**
 * PostgreSQL helpers of backup and drill: `pg_dump`/`pg_restore` as child processes (from PATH;
 * their major version must be at least the server's) and plain `pg` clients.
 */

/** `url` without its password, which goes to the tools in PGPASSWORD instead (not visible in `ps`). */
function toolConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return {
    dbname: parsed.toString(),
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
  };
}

/** Runs a PostgreSQL client tool; rejects with its stderr when it fails. */
export function runTool(tool: string, args: string[], url: string): Promise<void> {
  const { dbname, env } = toolConnection(url);
  return new Promise((resolve, reject) => {
    const child = spawn(tool, [...args, `--dbname=${dbname}`], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    child.on('error', (error) => reject(new Error(`${tool} could not be started: ${error.message}`)));
    child.on('close', (code) => {
      if (code === 0) {
        resolve();
      } else {
        reject(new Error(`${tool} exited with code ${code}: ${stderr.trim()}`));
      }
    });
  });
}

/** Rows per table of the `public` schema, in the client's current transaction or snapshot. */
export async function countRows(client: pg.Client): Promise<Record<string, number>> {
  const { rows } = await client.query<{ tablename: string }>(
    `select tablename from pg_tables where schemaname = 'public' order by tablename`,
  );
  const counts: Record<string, number> = {};
  for (const { tablename } of rows) {
    const result = await client.query<{ n: string }>(
      `select count(*) as n from public.${client.escapeIdentifier(tablename)}`,
    );
    counts[tablename] = Number(result.rows[0]?.n ?? 0);
  }
  return counts;
}

/** A connected client; the caller ends it. */
export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** The URL of another database on the same server. */
export function databaseUrl(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** Runs `work` with an admin client (connected to the configured database) for CREATE/DROP DATABASE. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = await connect(url);
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
