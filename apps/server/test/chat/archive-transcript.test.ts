import type { ChatSession } from '@nano/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveIdleChats } from '../../src/modules/chat/chat.archive.ts';
import { CHAT_ARCHIVE_JOB } from '../../src/modules/chat/chat.constants.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { readPdf } from '../pdf-text.ts';
import { recordingHub } from './chat-deps.ts';
import {
  type ChatCast,
  chatCast,
  chatsUrl,
  chatUrl,
  member,
  openChat,
  recordEvents,
  relogin,
  send,
  sent,
  session,
} from './chat-fixtures.ts';

const DAY_MS = 86_400_000;

describe(`chat archive job and transcripts (${testDatabaseKind})`, () => {
  let t: TestApp;
  let cast: ChatCast;

  beforeAll(async () => {
    t = await buildTestApp();
    cast = await chatCast(t, 'Größen & „Formeln“ 2026');
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('archives sessions idle for 30 days, once; a new message from either side reactivates them', async () => {
    const idle = await member(t, { displayName: 'Ida Idle' });
    const busy = await member(t, { displayName: 'Bea Busy' });
    const idleChat = await openChat(idle.client, cast.nanoId);
    await sent(idle.client, idleChat.id, 'Frage vor langer Zeit');
    const busyChat = await openChat(busy.client, cast.nanoId);
    t.clock.advance(29 * DAY_MS);
    await relogin(t, busy);
    await sent(busy.client, busyChat.id, 'Noch aktiv');
    t.clock.advance(DAY_MS + 60_000);
    await relogin(t, idle, busy, cast.creator);

    const events = await recordEvents(t, idle.user.id);
    await t.platform.jobs.enqueue(CHAT_ARCHIVE_JOB);
    expect(await t.platform.jobs.runDue()).toBeGreaterThanOrEqual(1);
    expect((await session(idle.client, idleChat.id)).status).toBe('archived');
    expect((await session(busy.client, busyChat.id)).status).toBe('active');
    const archivedTab = (await idle.client.get(`${chatsUrl}?status=archived`)).json<{
      items: ChatSession[];
    }>();
    expect(archivedTab.items.map((s) => s.id)).toEqual([idleChat.id]);
    expect((await idle.client.get(chatsUrl)).json()).toEqual({ items: [] });
    await events.settle();
    expect(events.of('session.updated')).toEqual([{ type: 'session.updated', chatId: idleChat.id }]);

    // Idempotent: a second run archives nothing more and tells nobody.
    events.clear();
    expect(await archiveIdleChats({ db: t.platform.database.db, clock: t.clock })).toBe(0);
    const hub = recordingHub();
    expect(await archiveIdleChats({ db: t.platform.database.db, clock: t.clock, realtime: hub })).toBe(0);
    expect(hub.published).toEqual([]);

    // The creator answers: the session is active again, for both.
    expect(
      (await send(cast.creator.client, idleChat.id, 'Entschuldigung für die späte Antwort!')).statusCode,
    ).toBe(201);
    expect((await session(idle.client, idleChat.id)).status).toBe('active');
    await events.settle();
    expect(events.of('session.updated')).toEqual([{ type: 'session.updated', chatId: idleChat.id }]);
    await events.stop();

    // After another 30 idle days it is archived again.
    t.clock.advance(31 * DAY_MS);
    const again = recordingHub();
    expect(await archiveIdleChats({ db: t.platform.database.db, clock: t.clock, realtime: again })).toBe(2);
    expect(again.to(idle.user.id, 'session.updated')).toEqual([
      { type: 'session.updated', chatId: idleChat.id },
    ]);
    expect(again.to(cast.creator.user.id, 'session.updated')).toHaveLength(2);
  });

  it('exports the caller’s transcript as UTF-8 text: header, Berlin times, no held messages of the other party', async () => {
    t.clock.set('2026-07-01T08:00:00Z');
    await relogin(t, cast.creator);
    const talker = await member(t, { displayName: 'Tom Talk' });
    const chat = await openChat(talker.client, cast.nanoId);
    t.clock.set('2026-07-01T08:05:00Z');
    await sent(talker.client, chat.id, 'Hallo 👋\nzweite Zeile');
    t.clock.set('2026-07-01T08:07:00Z');
    await sent(cast.creator.client, chat.id, 'Guten Morgen!');
    t.clock.set('2026-07-01T08:09:00Z');
    // Held (profanity): in the creator's transcript, marked; never in the talker's.
    expect((await send(cast.creator.client, chat.id, 'So ein Mist, Scheiße.')).json().status).toBe('held');
    t.clock.set('2026-07-02T10:00:00Z');
    await relogin(t, talker, cast.creator);

    const txt = await talker.client.get(`${chatUrl(chat.id)}/transcript?format=txt`);
    expect(txt.statusCode).toBe(200);
    expect(txt.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(txt.headers['content-disposition']).toBe(
      'attachment; filename="chat-groessen-formeln-2026-2026-07-02.txt"',
    );
    expect(txt.body).toBe(
      [
        'Chat-Verlauf zum Nano „Größen & „Formeln“ 2026“',
        'Teilnehmende: Tom Talk, VHS Teststadt (Creator)',
        'Exportiert am: 2026-07-02 12:00 (Europe/Berlin)',
        '',
        '[2026-07-01 10:05] Tom Talk: Hallo 👋',
        '    zweite Zeile',
        '[2026-07-01 10:07] VHS Teststadt: Guten Morgen!',
        '',
      ].join('\n'),
    );

    const creatorsTxt = await cast.creator.client.request({
      method: 'GET',
      url: `${chatUrl(chat.id)}/transcript`,
      headers: { 'accept-language': 'en' },
    });
    expect(creatorsTxt.body).toContain('Participants: VHS Teststadt (creator), Tom Talk');
    expect(creatorsTxt.body).toContain(
      '[2026-07-01 10:09] VHS Teststadt: So ein Mist, Scheiße. [under review]',
    );
  });

  it('exports the transcript as a PDF with the same content (emoji left out)', async () => {
    const reader = await member(t, { displayName: 'Petra PDF' });
    const chat = await openChat(reader.client, cast.nanoId);
    await sent(reader.client, chat.id, 'Gibt es Übungen? 😀');
    await sent(cast.creator.client, chat.id, 'Ja, im Anhang „Übung 1“.');
    const pdf = await reader.client.get(`${chatUrl(chat.id)}/transcript?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(
      /^attachment; filename="chat-groessen-formeln-2026-\d{4}-\d{2}-\d{2}\.pdf"$/,
    );
    const { pages } = await readPdf(pdf.rawPayload);
    const text = pages.join('\n');
    expect(text).toContain('Chat-Verlauf zum Nano');
    expect(text).toContain('Petra PDF');
    expect(text).toContain('Gibt es Übungen?');
    expect(text).toContain('Ja, im Anhang „Übung 1“.');
    expect(text).toContain('Seite 1 von 1');
  });
});
