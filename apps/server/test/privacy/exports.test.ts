import { PRIVACY_LIMITS } from '@nano/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireDataExports, exportForUser } from '../../src/modules/privacy/exports.service.ts';
import {
  EXPORT_FILES,
  exportedColumns,
  PERSONAL_DATA_REGISTRY,
} from '../../src/modules/privacy/personal-data.registry.ts';
import { privacyDepsFromPlatform } from '../../src/modules/privacy/privacy.deps.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { signIn } from '../factories.ts';
import { TestClient } from '../http-client.ts';
import { deliverNotificationEmails } from '../notifications/notification-fixtures.ts';
import { leaves, unzip } from './export-zip.ts';
import { type ActiveUserSeed, seedActiveUser } from './privacy-fixtures.ts';

const EXPORTS = '/api/v1/me/data-exports';
const download = (id: string) => `${EXPORTS}/${id}/download`;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Values that change between the moment the test reads them and the moment the job did. */
const VOLATILE = new Set(['data_exports.status', 'privacy_requests.status', 'privacy_requests.updated_at']);

/**
 * Every exported personal value of the user, read from the database as the registry describes
 * it: `{ where, file, values }` per column (the phone decrypted; Nano files compared as bytes).
 */
async function expectedValues(t: TestApp, seed: ActiveUserSeed) {
  const userId = seed.user.user.id;
  const out: Array<{ where: string; file: string; values: string[] }> = [];
  for (const column of exportedColumns()) {
    const where = `${column.table}.${column.column}`;
    if (VOLATILE.has(where) || column.file === EXPORT_FILES.nanoFiles) {
      continue;
    }
    const entry = PERSONAL_DATA_REGISTRY[column.table];
    const subject = column.subject ? { column: column.subject } : entry?.subject;
    if (!subject) {
      continue;
    }
    const query =
      'column' in subject
        ? sql<{ v: unknown }>`select t.${sql.id(column.column)} as v from ${sql.table(column.table)} t
             where t.${sql.id(subject.column)} = ${userId}`
        : sql<{ v: unknown }>`select t.${sql.id(column.column)} as v from ${sql.table(column.table)} t
             join ${sql.table(subject.via.table)} o on o.${sql.id(subject.via.key)} = t.${sql.id(subject.via.column)}
            where o.${sql.id(subject.via.subject)} = ${userId}`;
    const rows = (await query.execute(t.platform.database.db)).rows;
    const values = new Set<string>();
    for (const row of rows) {
      if (where === 'user_profiles.phone_encrypted') {
        if (row.v !== null) {
          values.add(seed.phone);
        }
        continue;
      }
      leaves(row.v, values);
    }
    out.push({ where, file: column.file, values: [...values] });
  }
  return out;
}

describe(`data export (${testDatabaseKind})`, () => {
  let t: TestApp;
  let seed: ActiveUserSeed;
  let exportId: string;
  let files: Map<string, Buffer>;

  beforeAll(async () => {
    t = await buildTestApp();
    seed = await seedActiveUser(t);
  }, 180_000);
  afterAll(async () => {
    await t.close();
  });

  it('builds the ZIP in the background: one at a time, listed with status, size and expiry', async () => {
    const started = await seed.user.client.post(EXPORTS);
    expect(started.statusCode, started.body).toBe(202);
    expect(started.json()).toMatchObject({ status: 'pending' });
    exportId = started.json().id;

    const again = await seed.user.client.post(EXPORTS);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('export_in_progress');
    expect((await seed.user.client.get(EXPORTS)).json().items).toMatchObject([
      { id: exportId, status: 'pending', sizeBytes: null, onBehalf: false },
    ]);
    const request = await t.platform.database.db
      .selectFrom('privacy_requests')
      .selectAll()
      .where('user_id', '=', seed.user.user.id)
      .executeTakeFirstOrThrow();
    expect(request).toMatchObject({ type: 'export', channel: 'self_service', status: 'in_progress' });

    // A profile picture: exported as the stored image.
    const avatar = Buffer.from('RIFF-avatar-image-bytes');
    const avatarKey = `avatars/${seed.user.user.id}/test.webp`;
    await t.platform.storage.put(avatarKey, avatar, { contentType: 'image/webp' });
    await t.platform.database.db
      .updateTable('user_profiles')
      .set({ avatar_key: avatarKey, avatar_updated_at: t.clock.now() })
      .where('user_id', '=', seed.user.user.id)
      .execute();

    const expected = await expectedValues(t, seed);
    await t.platform.jobs.runDue();

    const [listed] = (await seed.user.client.get(EXPORTS)).json().items;
    expect(listed).toMatchObject({ id: exportId, status: 'ready', downloadedAt: null });
    expect(listed.sizeBytes).toBeGreaterThan(0);
    expect(Date.parse(listed.expiresAt) - Date.parse(listed.readyAt)).toBe(
      PRIVACY_LIMITS.exportValidDays * DAY_MS,
    );
    const done = await t.platform.database.db
      .selectFrom('privacy_requests')
      .select(['status', 'completed_at'])
      .where('id', '=', request.id)
      .executeTakeFirstOrThrow();
    expect(done.status).toBe('completed');

    const res = await seed.user.client.get(download(exportId));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="nano-marktplatz-daten-${listed.readyAt.slice(0, 10)}.zip"`,
    );
    expect(res.rawPayload.length).toBe(listed.sizeBytes);
    files = await unzip(res.rawPayload);
    expect(files.get('avatar.webp')?.equals(avatar)).toBe(true);

    // Every file of the issue is there and parses.
    for (const file of Object.values(EXPORT_FILES)) {
      if (file.endsWith('/')) {
        expect(
          [...files.keys()].some((path) => path.startsWith(file)),
          file,
        ).toBe(true);
      } else {
        expect(files.has(file), file).toBe(true);
      }
    }
    const parsed = new Map<string, unknown>();
    for (const [path, bytes] of files) {
      if (path.endsWith('.json')) {
        parsed.set(path, JSON.parse(bytes.toString('utf8')));
      }
    }

    // Registry-driven completeness: each exported personal value of the user is in its file.
    const missing: string[] = [];
    for (const { where, file, values } of expected) {
      const docs = file.endsWith('/')
        ? [...parsed].filter(([path]) => path.startsWith(file)).map(([, doc]) => doc)
        : [parsed.get(file)];
      const found = leaves(docs);
      for (const value of values) {
        if (!found.has(value)) {
          missing.push(`${where} → ${file}: ${value}`);
        }
      }
    }
    expect(missing).toEqual([]);
    // The seed filled the important columns, so the check above was not vacuous.
    const filled = new Set(expected.filter((e) => e.values.length > 0).map((e) => e.where));
    for (const column of [
      'users.email',
      'user_profiles.phone_encrypted',
      'consent_records.given',
      'sessions.user_agent',
      'nanos.title',
      'nano_versions.changelog',
      'ratings.comment',
      'ratings.reply_text',
      'rating_helpful_votes.rating_id',
      'favorites.nano_id',
      'lists.name',
      'list_items.nano_id',
      'saved_searches.filters',
      'chat_messages.body',
      'notifications.payload',
      'flags.description',
      'audit_events.action',
      'privacy_requests.type',
    ]) {
      expect(filled.has(column), column).toBe(true);
    }

    // Profile with the phone in plain text; README in the user's language.
    expect(JSON.stringify(parsed.get('profile.json'))).toContain(seed.phone);
    expect(JSON.stringify(parsed.get('profile.json'))).not.toContain('password_hash');
    const readme = files.get('README.txt')?.toString('utf8') ?? '';
    expect(readme).toContain('Ihre Daten');
    for (const file of Object.values(EXPORT_FILES)) {
      expect(readme, file).toContain(file);
    }
    const csv = files.get('ratings.csv')?.toString('utf8') ?? '';
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
      'id,nano_id,score,comment,created_at,updated_at',
    );
    expect(csv).toContain(seed.texts.ratingComment);

    // The chat: both parties in order, the other by display name.
    const chats = [...parsed].filter(([path]) => path.startsWith('chats/'));
    expect(chats).toHaveLength(1);
    const [chatPath, chat] = chats[0] as [
      string,
      { other_party: string; messages: Array<{ from: string; body: string }> },
    ];
    expect(chatPath).toContain(seed.chatId);
    expect(chat.other_party).toBe(seed.other.user.displayName);
    expect(chat.messages.map((m) => [m.from, m.body])).toEqual([
      ['Sie', seed.texts.message],
      [seed.other.user.displayName, seed.texts.otherMessage],
    ]);

    // The original ZIP of both versions, byte for byte.
    const nanoZips = [...files]
      .filter(([path]) => path.startsWith('nanos/'))
      .sort(([a], [b]) => a.localeCompare(b));
    expect(nanoZips.map(([path]) => path.split('/').pop())).toEqual(['v1.0.0.zip', 'v1.1.0.zip']);
    expect(
      nanoZips.map(
        ([, bytes]) =>
          bytes.equals(seed.versionZips[0] as Buffer) || bytes.equals(seed.versionZips[1] as Buffer),
      ),
    ).toEqual([true, true]);
    expect((nanoZips[0] as [string, Buffer])[1].equals(seed.versionZips[0] as Buffer)).toBe(true);

    // Downloaded: stamped and audited.
    expect((await seed.user.client.get(EXPORTS)).json().items[0].downloadedAt).not.toBeNull();
    const audited = await t.platform.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('target_id', '=', exportId)
      .orderBy('seq')
      .execute();
    expect(audited.map((a) => a.action)).toEqual([
      'privacy.export_requested',
      'privacy.export_ready',
      'privacy.export_downloaded',
    ]);
  }, 120_000);

  it('tells the user in the app and by email (no email opt-in needed: they asked for it)', async () => {
    const notification = await t.platform.database.db
      .selectFrom('notifications')
      .select(['type', 'payload'])
      .where('user_id', '=', seed.user.user.id)
      .where('type', '=', 'data_export.ready')
      .executeTakeFirstOrThrow();
    expect(notification.payload).toMatchObject({ exportId });
    // By email by default, and without the notification-email opt-in (the user asked for it).
    const withdrawn = await seed.user.client.post('/api/v1/me/consents', {
      type: 'notification_email',
      given: false,
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const settings = await seed.user.client.get('/api/v1/me/notification-settings');
    expect(settings.json().items.find((i: { type: string }) => i.type === 'data_export.ready')).toMatchObject(
      {
        channel: 'email',
      },
    );
    await deliverNotificationEmails(t);
    const mails = await t.platform.database.db
      .selectFrom('mail_outbox')
      .select(['subject', 'text_body'])
      .where('to_address', '=', seed.user.user.email)
      .execute();
    expect(mails.map((m) => m.subject)).toContain('Ihr Datenexport ist bereit');
  });

  it('downloads for the owner only, after a recent sign-in or re-authentication', async () => {
    expect((await new TestClient(t.app).get(download(exportId))).statusCode).toBe(401);
    const foreign = await seed.other.client.get(download(exportId));
    expect(foreign.statusCode).toBe(404);
    expect((await seed.user.client.get(download('01a21c78-0000-7000-8000-000000000000'))).statusCode).toBe(
      404,
    );

    await t.platform.database.db
      .updateTable('sessions')
      .set({
        authenticated_at: new Date(
          t.clock.now().getTime() - (PRIVACY_LIMITS.recentLoginMinutes + 1) * 60_000,
        ),
      })
      .where('user_id', '=', seed.user.user.id)
      .execute();
    const stale = await seed.user.client.get(download(exportId));
    expect(stale.statusCode).toBe(403);
    expect(stale.json().code).toBe('reauthentication_required');

    const wrong = await seed.user.client.post('/api/v1/me/reauthenticate', {
      password: 'falsch-falsch-falsch',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0]).toMatchObject({ field: 'body.password', code: 'wrong_password' });
    expect((await seed.user.client.get(download(exportId))).statusCode).toBe(403);

    const ok = await seed.user.client.post('/api/v1/me/reauthenticate', {
      password: seed.user.user.password,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await seed.user.client.get(download(exportId))).statusCode).toBe(200);
    const actions = await t.platform.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('actor_id', '=', seed.user.user.id)
      .where('action', 'in', ['privacy.reauthenticated', 'privacy.identity_confirmation_failed'])
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'privacy.identity_confirmation_failed',
      'privacy.reauthenticated',
    ]);
  });

  it('limits requests per day, with Retry-After', async () => {
    const rater = seed.rater;
    for (let i = 0; i < PRIVACY_LIMITS.exportsPerDay; i++) {
      expect((await rater.client.post(EXPORTS)).statusCode).toBe(202);
      await t.platform.jobs.runDue();
    }
    const refused = await rater.client.post(EXPORTS);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('export_rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(DAY_MS / 1000);
  }, 60_000);

  it('runs on behalf of the user for an admin, without the daily limit', async () => {
    const deps = privacyDepsFromPlatform(t.platform, t.config);
    const started = await exportForUser(deps, seed.rater.user.id, { requestedBy: seed.moderator.user.id });
    expect(started.status).toBe('pending');
    const items = (await seed.rater.client.get(EXPORTS)).json().items;
    expect(items[0]).toMatchObject({ id: started.id, onBehalf: true });
    await t.platform.jobs.runDue();
    expect((await seed.rater.client.get(EXPORTS)).json().items[0].status).toBe('ready');
  }, 60_000);

  it('retries a failed build, then marks it failed with the error and leaves no file', async () => {
    const storage = t.platform.storage;
    const put = storage.put.bind(storage);
    storage.put = async (key, body, options) => {
      if (key.startsWith('exports/')) {
        await put(key, Buffer.from('partial'), options);
        throw new Error('disk full');
      }
      return put(key, body, options);
    };
    try {
      const started = await seed.other.client.post(EXPORTS);
      expect(started.statusCode).toBe(202);
      for (let attempt = 0; attempt < 3; attempt++) {
        await t.platform.jobs.runDue();
        t.clock.advance(10 * 60_000);
      }
      const row = await t.platform.database.db
        .selectFrom('data_exports')
        .select(['status', 'error', 'object_key'])
        .where('id', '=', started.json().id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'failed', error: 'disk full', object_key: null });
      const keys: string[] = [];
      for await (const object of storage.list(`exports/${seed.other.user.id}/`)) {
        keys.push(object.key);
      }
      expect(keys).toEqual([]);
      // A failed export no longer blocks a new one.
      storage.put = put;
      const again = await signIn(t, seed.other.user, { ip: '10.251.0.8' });
      expect((await again.post(EXPORTS)).statusCode).toBe(202);
    } finally {
      storage.put = put;
    }
  }, 60_000);

  it('expires after the download period: 410, and retention deletes the file (dry run counts only)', async () => {
    const deps = privacyDepsFromPlatform(t.platform, t.config);
    const row = await t.platform.database.db
      .selectFrom('data_exports')
      .select(['object_key'])
      .where('id', '=', exportId)
      .executeTakeFirstOrThrow();
    t.clock.advance(PRIVACY_LIMITS.exportValidDays * DAY_MS + 60_000);
    const client = await signIn(t, seed.user.user, { ip: '10.251.0.9' });
    const gone = await client.get(download(exportId));
    expect(gone.statusCode).toBe(410);
    expect(gone.json().code).toBe('export_expired');
    expect((await client.get(EXPORTS)).json().items[0]).toMatchObject({ id: exportId, status: 'expired' });

    const due = await expireDataExports(deps, { dryRun: true });
    expect(due).toBeGreaterThanOrEqual(1);
    expect(await t.platform.storage.head(row.object_key as string)).not.toBeNull();
    expect(await expireDataExports(deps, { dryRun: false })).toBe(due);
    expect(await t.platform.storage.head(row.object_key as string)).toBeNull();
    expect(await expireDataExports(deps, { dryRun: false })).toBe(0);
    const stored = await t.platform.database.db
      .selectFrom('data_exports')
      .select(['status', 'object_key'])
      .where('id', '=', exportId)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: 'expired', object_key: null });
    expect((await client.get(download(exportId))).statusCode).toBe(410);
  });
});
