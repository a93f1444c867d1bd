import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, signIn } from '../factories.ts';
import type { TestClient } from '../http-client.ts';
import {
  createDraft,
  createDraftWithFile,
  createPublishedNano,
  makeNanoZip,
  multipartBody,
  storedKeys,
  uploadZip,
  versionRows,
} from '../nano-fixtures.ts';

/** Writes `data` to `req` in chunks, waiting for the socket to drain like a browser on a slow line. */
async function writeChunks(req: http.ClientRequest, data: Buffer): Promise<void> {
  const chunk = 64 * 1024;
  for (let offset = 0; offset < data.length; offset += chunk) {
    if (!req.write(data.subarray(offset, offset + chunk))) {
      await new Promise((resolve) => req.once('drain', resolve));
    }
  }
}

describe(`uploads leave nothing behind when they fail (${testDatabaseKind})`, () => {
  let t: TestApp;
  let creator: TestClient;
  let moderator: TestClient;

  beforeAll(async () => {
    t = await buildTestApp();
    creator = await signIn(t, await createUser(t, { role: 'creator' }), { ip: '198.51.100.31' });
    moderator = await signIn(t, await createUser(t, { role: 'moderator' }), { ip: '198.51.100.32' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('removes everything when the client disconnects halfway through a 5 MB upload', async () => {
    const id = await createDraft(t, creator);
    const upload = multipartBody(randomBytes(5 * 1024 * 1024));
    const storage = t.platform.storage;
    const put = storage.put.bind(storage);
    // Only watched, not changed: tells the test when the server has started and finished storing.
    const puts: Array<Promise<unknown>> = [];
    const spy = vi.spyOn(storage, 'put').mockImplementation((key, body, options) => {
      const stored = put(key, body, options);
      puts.push(stored);
      return stored;
    });
    try {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = t.app.server.address() as AddressInfo;
      const cookie = [...creator.cookies.entries()]
        .map(([name, c]) => `${name}=${encodeURIComponent(c.value)}`)
        .join('; ');
      const req = http.request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/v1/nanos/${id}/versions`,
        headers: {
          ...upload.headers,
          'content-length': String(upload.payload.length),
          cookie,
          'x-csrf-token': await creator.csrf(),
        },
      });
      const clientError = new Promise<Error>((resolve) => req.on('error', resolve));
      req.on('response', (res) => {
        throw new Error(`the server answered ${res.statusCode} to a body it never fully received`);
      });

      await writeChunks(req, upload.payload.subarray(0, upload.payload.length / 2));
      await vi.waitFor(() => expect(puts).toHaveLength(1), { timeout: 10_000 });
      req.destroy();
      expect(await clientError).toBeInstanceOf(Error);

      // The store of the cut body must fail (neither keep a half ZIP nor wait forever for the rest).
      const outcome = await Promise.race([
        puts[0]?.then(
          () => 'stored',
          () => 'failed',
        ),
        delay(10_000, 'still waiting', { ref: false }),
      ]);
      expect(outcome).toBe('failed');
      await vi.waitFor(async () => expect(await storedKeys(t, `nanos/${id}/`)).toEqual([]), {
        timeout: 5_000,
      });
      expect(puts).toHaveLength(1);
      expect(await versionRows(t, id)).toEqual([]);
    } finally {
      spy.mockRestore();
    }

    // The server is not stuck on the Nano: the next upload goes through.
    const retry = await uploadZip(creator, id, await makeNanoZip());
    expect(retry.statusCode, retry.body).toBe(201);
    expect(await versionRows(t, id)).toEqual([expect.objectContaining({ status: 'draft', files: 3 })]);
  });

  it('removes the stored ZIP and its unpacked files when the database write fails, answering a bare 500', async () => {
    const id = await createDraft(t, creator);
    const db = t.platform.database.db;
    await sql`
      create or replace function nm_test_refuse_version_files() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from nano_versions v where v.id = new.version_id and v.nano_id::text = tg_argv[0]) then
          raise exception 'simulated failure in nano_version_files';
        end if;
        return new;
      end $$`.execute(db);
    await sql`
      create trigger nm_test_refuse_version_files before insert on nano_version_files
      for each row execute function nm_test_refuse_version_files(${sql.lit(id)})`.execute(db);
    try {
      const res = await uploadZip(creator, id, await makeNanoZip());
      expect(res.statusCode).toBe(500);
      expect(res.json()).toMatchObject({
        code: 'internal_error',
        status: 500,
        title: 'Ein unerwarteter Fehler ist aufgetreten.',
      });
      expect(res.body).not.toMatch(/simulated|nano_version_files|trigger|stack|at \w+ \(/i);
      expect(res.json()).not.toHaveProperty('detail');
      expect(await storedKeys(t, `nanos/${id}/`)).toEqual([]);
      expect(await versionRows(t, id)).toEqual([]);
    } finally {
      await sql`drop trigger if exists nm_test_refuse_version_files on nano_version_files`.execute(db);
      await sql`drop function if exists nm_test_refuse_version_files()`.execute(db);
    }

    const retry = await uploadZip(creator, id, await makeNanoZip());
    expect(retry.statusCode, retry.body).toBe(201);
  });

  it("deletes the replaced draft file's objects when a draft gets a new file", async () => {
    const id = await createDraftWithFile(t, creator);
    const [first] = await versionRows(t, id);
    const firstPrefix = `nanos/${id}/versions/${first?.id}/`;
    expect(await storedKeys(t, firstPrefix)).toEqual([
      `${firstPrefix}files/bilder/diagramm.png`,
      `${firstPrefix}files/folien.pdf`,
      `${firstPrefix}files/notizen.md`,
      `${firstPrefix}original.zip`,
    ]);

    const res = await uploadZip(creator, id, await makeNanoZip('Zweiter Versuch'));
    expect(res.statusCode, res.body).toBe(201);
    const versions = await versionRows(t, id);
    expect(versions).toEqual([expect.objectContaining({ status: 'draft', files: 3 })]);
    expect(versions[0]?.id).not.toBe(first?.id);
    expect(await storedKeys(t, firstPrefix)).toEqual([]);
    const secondPrefix = `nanos/${id}/versions/${versions[0]?.id}/`;
    expect(await storedKeys(t, `nanos/${id}/`)).toEqual([
      `${secondPrefix}files/bilder/diagramm.png`,
      `${secondPrefix}files/folien.pdf`,
      `${secondPrefix}files/notizen.md`,
      `${secondPrefix}original.zip`,
    ]);
    expect((await res.json()).pendingVersion).toMatchObject({ id: versions[0]?.id, status: 'draft' });
  });

  it('replaces an update sent back for changes, keeping the published version and refusing uploads during review', async () => {
    const id = await createPublishedNano(t, creator, moderator);
    const [published] = await versionRows(t, id);
    const publishedPrefix = `nanos/${id}/versions/${published?.id}/`;
    const publishedKeys = await storedKeys(t, publishedPrefix);
    expect(publishedKeys).toHaveLength(4);

    const update = await uploadZip(creator, id, await makeNanoZip('Version 2'), {
      fields: { changelog: 'Neue Übung' },
    });
    expect(update.statusCode, update.body).toBe(201);
    const underReview = (await versionRows(t, id)).find((v) => v.id !== published?.id);
    expect(underReview?.status).toBe('pending_review');

    const during = await uploadZip(creator, id, await makeNanoZip('Version 2b'), {
      fields: { changelog: 'Noch eine' },
    });
    expect(during.statusCode).toBe(409);
    expect(await versionRows(t, id)).toHaveLength(2);

    const sentBack = await moderator.post(`/api/v1/moderation/nanos/${id}/decision`, {
      decision: 'request_changes',
      reasons: ['quality'],
      note: 'Folie 3 fehlt',
    });
    expect(sentBack.statusCode, sentBack.body).toBe(200);
    const again = await uploadZip(creator, id, await makeNanoZip('Version 3'), {
      fields: { changelog: 'Folie 3 ergänzt' },
    });
    expect(again.statusCode, again.body).toBe(201);

    const versions = await versionRows(t, id);
    expect(versions.map((v) => v.status)).toEqual(['approved', 'pending_review']);
    expect(versions.map((v) => v.id)).not.toContain(underReview?.id);
    expect(await storedKeys(t, `nanos/${id}/versions/${underReview?.id}/`)).toEqual([]);
    expect(await storedKeys(t, publishedPrefix)).toEqual(publishedKeys);
    expect(again.json()).toMatchObject({ status: 'published', currentVersion: { id: published?.id } });
  });
});
