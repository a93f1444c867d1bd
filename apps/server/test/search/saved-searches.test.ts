import { SEARCH_LIMITS } from '@nano/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendSavedSearchAlerts } from '../../src/modules/search/saved-search-alerts.ts';
import type { Mailer } from '../../src/platform/mail.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, signIn, type TestUser } from '../factories.ts';
import { TestClient } from '../http-client.ts';
import { createPublishedNano, makeNanoZip } from '../nano-fixtures.ts';

const HOUR = 60 * 60_000;
const BASE = '/api/v1/me/saved-searches';
const UNSUBSCRIBE = '/api/v1/saved-searches/unsubscribe';

describe(`saved searches (${testDatabaseKind})`, () => {
  let t: TestApp;
  let alice: TestClient;
  let bob: TestClient;

  beforeAll(async () => {
    t = await buildTestApp();
    alice = await signIn(t, await createUser(t), { ip: '198.51.100.20' });
    bob = await signIn(t, await createUser(t), { ip: '198.51.100.21' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates, lists the own searches oldest first, renames, switches the alert and deletes', async () => {
    const first = await alice.post(BASE, {
      name: 'Excel für Einsteiger',
      filters: { q: 'Excel', level: [1] },
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      name: 'Excel für Einsteiger',
      alert: false,
      filters: { q: 'Excel', level: [1], category: [], sort: 'relevance' },
    });
    t.clock.advance(1000);
    const second = await alice.post(BASE, {
      name: '  Kurze Python-Nanos ',
      filters: { q: 'Python', durationMax: 15, sort: 'newest' },
      alert: true,
    });
    expect(second.statusCode).toBe(201);
    await bob.post(BASE, { name: 'Bobs Suche', filters: {} });

    const list = await alice.get(BASE);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((s: { name: string; alert: boolean }) => [s.name, s.alert])).toEqual([
      ['Excel für Einsteiger', false],
      ['Kurze Python-Nanos', true],
    ]);

    const id = first.json().id as string;
    const renamed = await alice.patch(`${BASE}/${id}`, { name: 'Excel-Grundlagen', alert: true });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({
      id,
      name: 'Excel-Grundlagen',
      alert: true,
      filters: { q: 'Excel' },
    });

    expect((await alice.delete(`${BASE}/${id}`)).statusCode).toBe(204);
    expect((await alice.get(BASE)).json().items.map((s: { id: string }) => s.id)).toEqual([second.json().id]);
    expect((await alice.delete(`${BASE}/${id}`)).statusCode).toBe(404);
  });

  it("answers 404 for someone else's search and 401 without sign-in", async () => {
    const bobs = (await bob.get(BASE)).json().items[0].id as string;
    expect((await alice.patch(`${BASE}/${bobs}`, { alert: true })).statusCode).toBe(404);
    expect((await alice.delete(`${BASE}/${bobs}`)).statusCode).toBe(404);
    expect((await bob.get(BASE)).json().items).toMatchObject([{ id: bobs, alert: false }]);

    const guest = new TestClient(t.app, { ip: '198.51.100.22' });
    expect((await guest.get(BASE)).statusCode).toBe(401);
    expect((await guest.post(BASE, { name: 'x', filters: {} })).statusCode).toBe(401);
  });

  it('rejects invalid searches naming the field', async () => {
    const cases: Array<[unknown, string]> = [
      [{ name: 'x'.repeat(SEARCH_LIMITS.savedSearchNameMax + 1), filters: {} }, 'body.name'],
      [{ name: '   ', filters: {} }, 'body.name'],
      [{ name: 'Sortierung', filters: { sort: 'cheapest' } }, 'body.filters.sort'],
      [{ name: 'Dauer', filters: { durationMin: 30, durationMax: 10 } }, 'body.filters.durationMin'],
    ];
    for (const [body, field] of cases) {
      const res = await alice.post(BASE, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('validation_failed');
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const longName = await alice.patch(`${BASE}/${(await alice.get(BASE)).json().items[0].id}`, {
      name: 'x'.repeat(SEARCH_LIMITS.savedSearchNameMax + 1),
    });
    expect(longName.statusCode).toBe(400);
  });

  it(`keeps at most ${SEARCH_LIMITS.savedSearchesMax} searches per user, also under parallel requests`, async () => {
    const carol = await signIn(t, await createUser(t), { ip: '198.51.100.23' });
    await carol.csrf();
    for (let i = 1; i <= SEARCH_LIMITS.savedSearchesMax - 2; i++) {
      expect((await carol.post(BASE, { name: `Suche ${i}`, filters: { q: `thema ${i}` } })).statusCode).toBe(
        201,
      );
    }
    const parallel = await Promise.all(
      [1, 2, 3].map((i) => carol.post(BASE, { name: `Parallel ${i}`, filters: {} })),
    );
    expect(parallel.map((res) => res.statusCode).sort()).toEqual([201, 201, 409]);

    const over = await carol.post(BASE, { name: 'Eine zu viel', filters: {} });
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({ code: 'saved_search_limit' });
    expect(over.json().title).toContain(String(SEARCH_LIMITS.savedSearchesMax));
    expect((await carol.get(BASE)).json().items).toHaveLength(SEARCH_LIMITS.savedSearchesMax);
    // Other users are not affected by carol's limit.
    expect((await bob.post(BASE, { name: 'Noch eine', filters: {} })).statusCode).toBe(201);
  });
});

describe(`saved-search alerts (${testDatabaseKind})`, () => {
  const IPS = {
    creator: '198.51.100.40',
    moderator: '198.51.100.41',
    dana: '198.51.100.42',
    erik: '198.51.100.43',
    frank: '198.51.100.44',
  } as const;
  type Person = keyof typeof IPS;
  let t: TestApp;
  const people = {} as Record<Person, TestUser>;
  let freshNano: string;

  /** A fresh sign-in: the fake clock jumps days, past any session's idle timeout. */
  const as = (person: Person) => signIn(t, people[person], { ip: IPS[person] });

  /** Publishes a Nano titled `title` at the clock's current time. */
  async function publish(title?: string): Promise<string> {
    const zip = title ? await makeNanoZip(title) : undefined;
    return createPublishedNano(t, await as('creator'), await as('moderator'), zip, title ? { title } : {});
  }

  const jobDeps = (mailer: Mailer = t.platform.mailer) => ({
    db: t.platform.database.db,
    clock: t.clock,
    mailer,
    publicUrl: t.config.publicUrl,
    secret: t.config.sessionSecret,
  });

  async function mailsTo(user: TestUser) {
    return t.platform.database.db
      .selectFrom('mail_outbox')
      .select(['subject', 'text_body'])
      .where('to_address', '=', user.email)
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
      .execute();
  }

  function tokenIn(text: string): string {
    const match = /\/gespeicherte-suchen\/abbestellen\?token=(\S+)/.exec(text);
    if (!match?.[1]) {
      throw new Error(`no unsubscribe link in: ${text}`);
    }
    return decodeURIComponent(match[1]);
  }

  beforeAll(async () => {
    t = await buildTestApp();
    people.creator = await createUser(t, { role: 'creator' });
    people.moderator = await createUser(t, { role: 'moderator' });
    people.dana = await createUser(t);
    people.erik = await createUser(t);
    people.frank = await createUser(t);
    expect((await (await as('erik')).patch('/api/v1/me/profile', { locale: 'en' })).statusCode).toBe(200);

    // Published before anyone saved a search: never announced.
    await publish('Excel Altbestand');
    t.clock.advance(HOUR);
    const dana = await as('dana');
    await dana.post(BASE, { name: 'Excel-Kurse', filters: { q: 'Excel' }, alert: true });
    await dana.post(BASE, { name: 'Python', filters: { q: 'Python' }, alert: true });
    await dana.post(BASE, { name: 'Excel ohne Alarm', filters: { q: 'Excel' } });
    await (await as('erik')).post(BASE, { name: 'Spreadsheets', filters: { q: 'Excel' }, alert: true });
    await (await as('frank')).post(BASE, { name: 'Excel', filters: { q: 'Excel' }, alert: true });
    await t.platform.database.db
      .updateTable('users')
      .set({ status: 'suspended' })
      .where('id', '=', people.frank.id)
      .execute();

    t.clock.advance(HOUR);
    freshNano = await publish();
    t.clock.set('2026-01-16T06:00:00.000Z');
  });
  afterAll(async () => {
    await t.close();
  });

  it('mails one German digest naming the new Nano, with the links', async () => {
    await t.platform.jobs.enqueue('search.saved_search_alerts');
    await t.platform.jobs.runDue();

    const mails = await mailsTo(people.dana);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail?.subject).toBe('Ein neuer Nano zu Ihren gespeicherten Suchen');
    expect(mail?.text_body).toContain('Suche „Excel-Kurse“ (1 neu):');
    expect(mail?.text_body).toContain(`Excel Pivot in 10 Minuten: ${t.config.publicUrl}/nanos/${freshNano}`);
    expect(mail?.text_body).toContain(`${t.config.publicUrl}/gespeicherte-suchen`);
    expect(mail?.text_body).not.toContain('Altbestand');
    expect(mail?.text_body).not.toContain('Python');
    expect(mail?.text_body).not.toContain('ohne Alarm');
  });

  it('mails an English-locale user in English and a suspended user nothing', async () => {
    const [mail, ...more] = await mailsTo(people.erik);
    expect(more).toEqual([]);
    expect(mail?.subject).toBe('A new Nano for your saved searches');
    expect(mail?.text_body).toContain('Search “Spreadsheets” (1 new):');
    expect(mail?.text_body).toContain(`${t.config.publicUrl}/nanos/${freshNano}`);
    expect(await mailsTo(people.frank)).toEqual([]);
  });

  it('sends nothing new on a second run the same day', async () => {
    t.clock.advance(HOUR);
    await sendSavedSearchAlerts(jobDeps());
    expect(await mailsTo(people.dana)).toHaveLength(1);
    expect(await mailsTo(people.erik)).toHaveLength(1);
  });

  it("keeps going when one user's mail fails and retries that user later", async () => {
    t.clock.set('2026-01-16T12:00:00.000Z');
    const nextNano = await publish('Excel Diagramme');
    t.clock.set('2026-01-17T06:00:00.000Z');
    const failing: Mailer = {
      ...t.platform.mailer,
      send: async (message) => {
        if (message.to === people.erik.email) {
          throw new Error('mailbox unavailable');
        }
        await t.platform.mailer.send(message);
      },
    };
    await expect(sendSavedSearchAlerts(jobDeps(failing))).rejects.toThrow(/1 user/);
    expect((await mailsTo(people.dana)).at(-1)?.text_body).toContain('Excel Diagramme');
    expect(await mailsTo(people.erik)).toHaveLength(1);

    t.clock.advance(HOUR);
    await sendSavedSearchAlerts(jobDeps());
    const erikMails = await mailsTo(people.erik);
    expect(erikMails).toHaveLength(2);
    expect(erikMails[1]?.text_body).toContain(`${t.config.publicUrl}/nanos/${nextNano}`);
    expect(erikMails[1]?.text_body).not.toContain(freshNano);
    expect(await mailsTo(people.dana)).toHaveLength(2);
  });

  it('turns all alerts off with the token from the mail, idempotently, and refuses forged tokens', async () => {
    const token = tokenIn((await mailsTo(people.dana))[0]?.text_body ?? '');
    const dana = await as('dana');
    const erik = await as('erik');
    const guest = new TestClient(t.app, { ip: '198.51.100.35' });

    const first = await guest.post(UNSUBSCRIBE, { token });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ unsubscribed: 2 });
    expect((await dana.get(BASE)).json().items.map((s: { alert: boolean }) => s.alert)).toEqual([
      false,
      false,
      false,
    ]);
    expect((await guest.post(UNSUBSCRIBE, { token })).json()).toEqual({ unsubscribed: 0 });
    // Erik's alert is untouched.
    expect((await erik.get(BASE)).json().items).toMatchObject([{ alert: true }]);

    const mac = token.slice(token.indexOf('.') + 1);
    for (const forged of [
      `${people.erik.id}.${mac}`,
      `${people.dana.id}.${'A'.repeat(mac.length)}`,
      `${people.dana.id}.${mac}x`,
      `not-a-token-at-all`,
    ]) {
      const res = await guest.post(UNSUBSCRIBE, { token: forged });
      expect(res.statusCode, forged).toBe(400);
      expect(res.json().code).toBe('token_invalid');
    }
    expect((await erik.get(BASE)).json().items).toMatchObject([{ alert: true }]);

    t.clock.set('2026-01-18T12:00:00.000Z');
    await publish('Excel Makros');
    t.clock.set('2026-01-19T06:00:00.000Z');
    await sendSavedSearchAlerts(jobDeps());
    expect(await mailsTo(people.dana)).toHaveLength(2);
    expect((await mailsTo(people.erik)).at(-1)?.text_body).toContain('Excel Makros');
  });
});
