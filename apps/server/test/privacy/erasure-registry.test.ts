import { PRIVACY_LIMITS } from '@nano/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditService } from '../../src/modules/audit/audit.service.ts';
import { runDueErasures } from '../../src/modules/privacy/erasure-request.service.ts';
import {
  PERSONAL_DATA_REGISTRY,
  type PersonalColumn,
} from '../../src/modules/privacy/personal-data.registry.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { type ActiveUserSeed, seedActiveUser } from './privacy-fixtures.ts';

const DAY = 24 * 60 * 60 * 1000;

/** A value erasure left nothing in: null, empty text, false, zero, an empty array or object. */
function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '' || value === false || value === 0) {
    return true;
  }
  if (Array.isArray(value)) {
    return value.length === 0;
  }
  if (typeof value === 'object' && !(value instanceof Date)) {
    return Object.keys(value).length === 0;
  }
  return false;
}

const text = (value: unknown) =>
  value instanceof Date
    ? value.toISOString()
    : typeof value === 'string'
      ? value
      : (JSON.stringify(value) ?? '');

/**
 * Driven by the personal-data registry: after an erasure no row still links the user's id with a
 * personal value the registry says is deleted, anonymised or de-identified; retained columns are
 * listed with their justification.
 */
describe(`privacy: erasure covers the personal-data registry (${testDatabaseKind})`, () => {
  let t: TestApp;
  let seed: ActiveUserSeed;
  let personalStrings: string[];

  beforeAll(async () => {
    t = await buildTestApp();
    seed = await seedActiveUser(t);
    const { user } = seed.user;
    personalStrings = [user.email, user.username, user.displayName, seed.phone, ...Object.values(seed.texts)];
    const res = await seed.user.client.post('/api/v1/me/erasure', {
      password: user.password,
      nanos: 'keep_anonymised',
      reason: 'Registry-Test',
    });
    expect(res.statusCode, res.body).toBe(202);
    t.clock.advance(PRIVACY_LIMITS.erasureCancelDays * DAY);
    const db = t.platform.database.db;
    const { erased } = await runDueErasures({
      db,
      clock: t.clock,
      storage: t.platform.storage,
      audit: createAuditService({ db, clock: t.clock }),
    });
    expect(erased).toBe(1);
  }, 180_000);
  afterAll(async () => {
    await t.close();
  });

  /** The rows of `table` that belong to the user through `subjectColumn` (or the entry's subject). */
  async function rowsOf(table: string, subjectColumn?: string): Promise<Array<Record<string, unknown>>> {
    const entry = PERSONAL_DATA_REGISTRY[table];
    const userId = seed.user.user.id;
    const db = t.platform.database.db;
    if (subjectColumn) {
      const result = await sql<
        Record<string, unknown>
      >`select * from ${sql.table(table)} where ${sql.ref(subjectColumn)} = ${userId}`.execute(db);
      return result.rows;
    }
    const subject = entry?.subject;
    if (!subject) {
      return [];
    }
    if ('column' in subject) {
      return rowsOf(table, subject.column);
    }
    const { column, table: other, key, subject: otherSubject } = subject.via;
    const result = await sql<Record<string, unknown>>`
      select t.* from ${sql.table(table)} t
        join ${sql.table(other)} o on o.${sql.ref(key)} = t.${sql.ref(column)}
       where o.${sql.ref(otherSubject)} = ${userId}`.execute(db);
    return result.rows;
  }

  const erasing = (d: PersonalColumn) => !d.erasure.startsWith('retained');

  it('leaves no deleted, anonymised or de-identified personal value linked to the user', async () => {
    const problems: string[] = [];
    const visited = new Set<string>();
    for (const [table, entry] of Object.entries(PERSONAL_DATA_REGISTRY)) {
      if (!entry.subject) {
        continue;
      }
      const subjectColumn = 'column' in entry.subject ? entry.subject.column : null;
      const columns = Object.entries(entry.columns).filter(
        (c): c is [string, PersonalColumn] => c[1].personal,
      );
      const subjectDisposition = subjectColumn ? entry.columns[subjectColumn] : undefined;
      const rows = await rowsOf(table);
      // The link itself must go when the registry deletes or de-identifies it.
      if (
        subjectDisposition?.personal &&
        (subjectDisposition.erasure === 'deleted' || subjectDisposition.erasure === 'deidentified') &&
        rows.length > 0
      ) {
        problems.push(`${table}: ${rows.length} row(s) still link the user by ${subjectColumn}`);
      }
      for (const row of rows) {
        visited.add(table);
        for (const [column, disposition] of columns) {
          if (!erasing(disposition) || disposition.subject) {
            continue;
          }
          const value = row[column];
          if (disposition.erasure === 'deleted' && !isEmpty(value)) {
            problems.push(`${table}.${column} still holds a value (${text(value).slice(0, 40)})`);
          }
          if (
            disposition.erasure !== 'deidentified' &&
            personalStrings.some((s) => text(value).includes(s))
          ) {
            problems.push(`${table}.${column} still holds the user's personal text`);
          }
        }
      }
      // Columns that belong to the user through another column (e.g. a rating's reply author).
      for (const [column, disposition] of columns) {
        if (disposition.subject && erasing(disposition) && disposition.erasure !== 'anonymised') {
          const linked = await rowsOf(table, disposition.subject);
          if (linked.some((row) => !isEmpty(row[column]))) {
            problems.push(`${table}.${column} still linked by ${disposition.subject}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    // The retained and anonymised rows were really looked at (not an empty pass).
    expect([...visited]).toEqual(
      expect.arrayContaining([
        'users',
        'user_profiles',
        'nanos',
        'chat_participants',
        'consent_records',
        'audit_events',
      ]),
    );
  });

  it('lists every retained column with its justification', () => {
    const retained = Object.entries(PERSONAL_DATA_REGISTRY).flatMap(([table, entry]) =>
      Object.entries(entry.columns)
        .filter((c): c is [string, PersonalColumn] => c[1].personal && c[1].erasure.startsWith('retained'))
        .map(([column, d]) => ({
          column: `${table}.${column}`,
          reason: d.erasure.replace(/^retained:\s*/, ''),
        })),
    );
    expect(retained.map((r) => r.column)).toEqual(
      expect.arrayContaining([
        'consent_records.user_id',
        'audit_events.actor_id',
        'privacy_requests.user_id',
      ]),
    );
    for (const { column, reason } of retained) {
      expect(reason.length, column).toBeGreaterThan(20);
    }
  });
});
