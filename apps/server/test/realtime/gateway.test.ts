import { WS_CLOSE_CODES } from '@nano/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { createUser, signIn } from '../factories.ts';
import { connect, makeChatPartners, type Refusal, tryConnect, WsClient } from './ws-client.ts';

// Real timers, shortened: the gateway's heartbeat does not follow the app's fake clock.
const TIMINGS = { heartbeatMs: 250, presenceTtlMs: 1_000, presenceCheckMs: 250, sessionCheckEveryBeats: 1 };

function refusal(result: WsClient | Refusal): Refusal {
  if (result instanceof WsClient) {
    throw new Error('the socket was upgraded');
  }
  return result;
}

describe('chat WebSocket: authentication, heartbeat, protocol', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({}, { realtime: TIMINGS });
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses a guest with 401 problem JSON instead of upgrading', async () => {
    const refused = refusal(await tryConnect(t, undefined, { locale: 'en' }));
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.body)).toMatchObject({ code: 'unauthorized', title: 'Please sign in.' });
  });

  it('refuses a foreign or missing Origin with 403, even with a valid session (CSRF defence)', async () => {
    const client = await signIn(t, await createUser(t));
    for (const origin of ['https://evil.example', null, 'null']) {
      const refused = refusal(await tryConnect(t, client, { origin }));
      expect(refused.status).toBe(403);
      expect(JSON.parse(refused.body)).toMatchObject({ code: 'origin_not_allowed' });
    }
  });

  it('refuses an account that must first change its password', async () => {
    const client = await signIn(t, await createUser(t, { mustChangePassword: true }));
    const refused = refusal(await tryConnect(t, client));
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body)).toMatchObject({ code: 'password_change_required' });
  });

  it('says ready with the user id, pings every heartbeat and stays open while the client answers', async () => {
    const user = await createUser(t);
    const socket = await connect(t, await signIn(t, user));
    expect(socket.events[0]).toEqual({ type: 'ready', userId: user.id });
    await socket.next('ping', () => socket.all('ping').length >= 4, 4_000);
    expect(socket.socket.readyState).toBe(socket.socket.OPEN);
    await socket.close();
  });

  it('closes a connection that does not answer a ping with 4408', async () => {
    const socket = await connect(t, await signIn(t, await createUser(t)), { autoPong: false });
    await socket.next('ping');
    expect(await socket.waitClosed()).toMatchObject({ code: WS_CLOSE_CODES.timeout });
  });

  it('closes with 4401 once the login session is signed out, and keeps other sessions open', async () => {
    const user = await createUser(t);
    const leaving = await signIn(t, user);
    const staying = await signIn(t, user);
    const leavingSocket = await connect(t, leaving);
    const stayingSocket = await connect(t, staying);
    expect((await leaving.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect(await leavingSocket.waitClosed()).toMatchObject({ code: WS_CLOSE_CODES.unauthorized });
    const pingsBefore = stayingSocket.all('ping').length;
    await stayingSocket.next('ping', () => stayingSocket.all('ping').length > pingsBefore + 1);
    expect(stayingSocket.socket.readyState).toBe(stayingSocket.socket.OPEN);
    await stayingSocket.close();
  });

  it('closes with 4401 once the account is suspended', async () => {
    const user = await createUser(t);
    const socket = await connect(t, await signIn(t, user));
    await t.platform.database.db
      .updateTable('users')
      .set({ status: 'suspended' })
      .where('id', '=', user.id)
      .execute();
    expect(await socket.waitClosed()).toMatchObject({ code: WS_CLOSE_CODES.unauthorized });
  });

  it('answers invalid messages with localised error events and closes a client that keeps sending them (4400)', async () => {
    const socket = await connect(t, await signIn(t, await createUser(t)), { locale: 'en' });
    socket.sendRaw('{"type": ');
    expect(await socket.next('error')).toEqual({
      type: 'error',
      clientId: null,
      code: 'malformed_json',
      message: 'The request body is not valid JSON.',
      retryAfterSeconds: null,
    });
    socket.send({ type: 'subscribe', channel: 'everything' });
    expect(await socket.next('error', (event) => event.code === 'bad_request')).toMatchObject({
      clientId: null,
    });
    socket.send({ type: 'message.send', chatId: 'not-a-uuid', text: 'Hallo', clientId: 'client-0001' });
    expect(await socket.next('error', (event) => event.code === 'validation_failed')).toMatchObject({
      clientId: 'client-0001',
    });
    socket.sendRaw(Buffer.from([1, 2, 3]));
    await socket.next('error', () => socket.all('error').length === 4);
    socket.sendRaw('kein JSON');
    expect(await socket.waitClosed()).toMatchObject({ code: WS_CLOSE_CODES.protocolError });
    expect(socket.all('error')).toHaveLength(4);
  });

  it('drops messages beyond 30 per 10 s with one rate_limited error, and closes a flooding client (4400)', async () => {
    const user = await createUser(t);
    const watched = await createUser(t);
    await makeChatPartners(t, user.id, watched.id);
    const socket = await connect(t, await signIn(t, user));
    for (let i = 0; i < 35; i++) {
      socket.send({ type: 'presence.watch', userIds: [watched.id] });
    }
    const limited = await socket.next('error', (event) => event.code === 'rate_limited');
    expect(limited.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(limited.retryAfterSeconds).toBeLessThanOrEqual(10);
    await socket.next('presence.changed', () => socket.all('presence.changed').length >= 1);
    expect(socket.all('error')).toHaveLength(1);
    for (let i = 0; i < 30; i++) {
      socket.send({ type: 'presence.watch', userIds: [watched.id] });
    }
    expect(await socket.waitClosed()).toMatchObject({ code: WS_CLOSE_CODES.protocolError });
    // At most 30 messages were processed; each answered with one presence.changed.
    expect(socket.all('presence.changed').length).toBeLessThanOrEqual(30);
  });

  it('delivers an event published for a user to every socket of theirs, and to nobody else', async () => {
    const user = await createUser(t);
    const other = await createUser(t);
    const first = await connect(t, await signIn(t, user));
    const second = await connect(t, await signIn(t, user));
    const bystander = await connect(t, await signIn(t, other));
    const chatId = '0190a000-0000-7000-8000-00000000c4a7';
    await t.platform.bus.publish(`rt:user:${user.id}`, { type: 'session.updated', chatId });
    await t.platform.bus.publish(`rt:user:${other.id}`, { type: 'resync' });
    expect(await first.next('session.updated')).toEqual({ type: 'session.updated', chatId });
    expect(await second.next('session.updated')).toEqual({ type: 'session.updated', chatId });
    await bystander.next('resync');
    expect(bystander.all('session.updated')).toEqual([]);
    await Promise.all([first.close(), second.close(), bystander.close()]);
  });

  it('reports open connections and delivered events in /metrics', async () => {
    const socket = await connect(t, await signIn(t, await createUser(t)));
    const metrics = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/^ws_connections [1-9]\d*$/m);
    expect(metrics).toMatch(/^ws_events_delivered_total [1-9]\d*$/m);
    expect(metrics).toContain('ws_delivery_failures_total{reason="bus_publish"} 0');
    await socket.close();
  });
});

describe('chat WebSocket: shutdown', () => {
  it('closes every socket with 1001 and leaves presence when the app closes', async () => {
    const t = await buildTestApp({}, { realtime: TIMINGS });
    try {
      const user = await createUser(t);
      const socket = await connect(t, await signIn(t, user));
      expect(await t.platform.presence.isOnline(user.id)).toBe(true);
      await t.app.close();
      expect(await socket.waitClosed()).toMatchObject({ code: WS_CLOSE_CODES.goingAway });
      expect(await t.platform.presence.isOnline(user.id)).toBe(false);
    } finally {
      await t.close();
    }
  });
});
