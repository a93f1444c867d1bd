import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import * as repo from './analytics.repository.ts';
import { utcDay } from './analytics-days.ts';

type Db = Kysely<Database>;

/** A viewer as the analytics know them: a hash that is the same all day and unlinkable to other days. */
export interface DailyViewer {
  hash: string;
  day: string;
}

/**
 * The salt of the current day per database, so a view costs no extra query. Only one day is kept:
 * when the day changes the old salt is dropped from memory, as the rollup drops it from the table.
 */
const currentSalt = new WeakMap<Db, { day: string; salt: string }>();

/** The day's salt: read, or created at random by the first view of the day (any instance). */
async function saltOf(db: Db, day: string): Promise<string> {
  const cached = currentSalt.get(db);
  if (cached?.day === day) {
    return cached.salt;
  }
  let salt = await repo.findSalt(db, day);
  if (salt === undefined) {
    // A concurrent first view may win the insert; either way the stored salt is the one to use.
    await repo.insertSalt(db, day, randomBytes(32).toString('base64url'));
    salt = await repo.findSalt(db, day);
  }
  if (salt === undefined) {
    throw new Error(`no analytics salt for ${day}`);
  }
  currentSalt.set(db, { day, salt });
  return salt;
}

/**
 * HMAC-SHA256 of the viewer key (`u:<user id>` or `v:<visitor cookie>`) under the salt of the UTC day
 * of `at`. Call it outside any transaction: it may write the day's salt with `db`.
 */
export async function hashViewer(db: Db, viewerKey: string, at: Date): Promise<DailyViewer> {
  const day = utcDay(at);
  const salt = await saltOf(db, day);
  return { hash: createHmac('sha256', salt).update(viewerKey).digest('hex'), day };
}
