import type { Role } from '@nano/contracts';
import type { TestApp } from '../app.ts';
import { createUser, signIn, type TestUser } from '../factories.ts';
import type { TestClient } from '../http-client.ts';

/** Shared steps of the admin console suites (each suite builds its own app). */

/** A signed-in test user. */
export interface Signed {
  user: TestUser;
  client: TestClient;
}

let nextAddress = 0;

/** A new user of `role`, signed in from an own client address (sign-in is rate-limited per address). */
export async function signedIn(
  t: TestApp,
  role: Role = 'consumer',
  options: Parameters<typeof createUser>[1] = {},
): Promise<Signed> {
  nextAddress += 1;
  const user = await createUser(t, { ...options, role });
  const ip = `10.${Math.floor(nextAddress / 250) % 250}.${nextAddress % 250}.9`;
  return { user, client: await signIn(t, user, { ip }) };
}

/** Audit events about (or by) something, oldest first, as stored. */
export async function auditRows(
  t: TestApp,
  where: { action?: string; targetId?: string; actorId?: string },
): Promise<Array<{ action: string; actorId: string | null; targetId: string | null; details: unknown }>> {
  let query = t.platform.database.db
    .selectFrom('audit_events')
    .select(['action', 'actor_id', 'target_id', 'details'])
    .orderBy('seq');
  if (where.action) {
    query = query.where('action', '=', where.action);
  }
  if (where.targetId) {
    query = query.where('target_id', '=', where.targetId);
  }
  if (where.actorId) {
    query = query.where('actor_id', '=', where.actorId);
  }
  const rows = await query.execute();
  return rows.map((row) => ({
    action: row.action,
    actorId: row.actor_id,
    targetId: row.target_id,
    details: row.details,
  }));
}

/** Waits until `check` holds (work done after a response, e.g. activity tracking), at most a few seconds. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error('condition not met in time');
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
