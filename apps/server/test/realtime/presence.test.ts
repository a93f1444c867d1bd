import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { createUser, signIn } from '../factories.ts';
import { connect, makeChatPartners } from './ws-client.ts';

const TIMINGS = { heartbeatMs: 250, presenceTtlMs: 1_000, presenceCheckMs: 200, sessionCheckEveryBeats: 4 };

describe(`chat presence (${process.env.TEST_REDIS_URL ? 'Redis' : 'in-process'})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({}, { realtime: TIMINGS });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers presence.watch with the current state, then tells each change once', async () => {
    const watcherUser = await createUser(t);
    const watchedUser = await createUser(t);
    await makeChatPartners(t, watcherUser.id, watchedUser.id);
    const watcher = await connect(t, await signIn(t, watcherUser));
    const watchedClient = await signIn(t, watchedUser);
    watcher.send({ type: 'presence.watch', userIds: [watchedUser.id] });
    expect(await watcher.next('presence.changed')).toEqual({
      type: 'presence.changed',
      userId: watchedUser.id,
      online: false,
    });

    const first = await connect(t, watchedClient);
    await watcher.next('presence.changed', (event) => event.online);
    const second = await connect(t, watchedClient);
    await first.close();
    // Still online through the second socket: nothing to tell.
    await sleep(TIMINGS.presenceCheckMs * 2);
    expect(watcher.all('presence.changed').map((event) => event.online)).toEqual([false, true]);

    await second.close();
    await watcher.next('presence.changed', () => watcher.all('presence.changed').length === 3);
    expect(watcher.all('presence.changed').map((event) => event.online)).toEqual([false, true, false]);
    await watcher.close();
  });

  it('replaces the watched users with each presence.watch', async () => {
    const [watcherUser, firstWatched, secondWatched] = await Promise.all([
      createUser(t),
      createUser(t),
      createUser(t),
    ]);
    await makeChatPartners(t, watcherUser.id, firstWatched.id);
    await makeChatPartners(t, watcherUser.id, secondWatched.id);
    const watcher = await connect(t, await signIn(t, watcherUser));
    watcher.send({ type: 'presence.watch', userIds: [firstWatched.id] });
    await watcher.next('presence.changed', (event) => event.userId === firstWatched.id);
    watcher.send({ type: 'presence.watch', userIds: [secondWatched.id] });
    await watcher.next('presence.changed', (event) => event.userId === secondWatched.id);
    const gone = await connect(t, await signIn(t, firstWatched));
    const watched = await connect(t, await signIn(t, secondWatched));
    await watcher.next('presence.changed', (event) => event.userId === secondWatched.id && event.online);
    await sleep(TIMINGS.presenceCheckMs * 2);
    expect(watcher.all('presence.changed').filter((event) => event.userId === firstWatched.id)).toHaveLength(
      1,
    );
    await Promise.all([gone.close(), watched.close(), watcher.close()]);
  });

  it('shows a user offline once the instance that held them stops refreshing (died)', async () => {
    const watcherUser = await createUser(t);
    const stranded = await createUser(t);
    await makeChatPartners(t, watcherUser.id, stranded.id);
    const watcher = await connect(t, await signIn(t, watcherUser));
    // An instance that crashed right after its last heartbeat: its entry only expires.
    await t.platform.presence.touch(stranded.id, 'crashed-instance', 600);
    watcher.send({ type: 'presence.watch', userIds: [stranded.id] });
    expect(await watcher.next('presence.changed')).toMatchObject({ userId: stranded.id, online: true });
    const started = Date.now();
    await watcher.next('presence.changed', (event) => !event.online, 3_000);
    // Expiry (600 ms from the touch) plus at most one re-check interval, with room for a busy machine.
    expect(Date.now() - started).toBeLessThan(600 + TIMINGS.presenceCheckMs + 1_000);
    await watcher.close();
  });

  it('tells presence only of chat partners: a stranger stays unknown', async () => {
    const [watcherUser, partner, stranger] = await Promise.all([createUser(t), createUser(t), createUser(t)]);
    await makeChatPartners(t, watcherUser.id, partner.id);
    const strangerSocket = await connect(t, await signIn(t, stranger));
    const partnerSocket = await connect(t, await signIn(t, partner));
    const watcher = await connect(t, await signIn(t, watcherUser));
    watcher.send({ type: 'presence.watch', userIds: [stranger.id, partner.id] });
    const seen = await watcher.next('presence.changed', (event) => event.userId === partner.id);
    expect(seen.online).toBe(true);
    await sleep(300);
    expect(watcher.all('presence.changed').map((event) => event.userId)).not.toContain(stranger.id);
    await Promise.all([strangerSocket.close(), partnerSocket.close(), watcher.close()]);
  });
});
