import { NOTIFICATION_TYPES } from '@nano/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTIFICATION_DEFAULT_CHANNELS } from '../../src/modules/notifications/notifications.constants.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, signIn } from '../factories.ts';
import { TestClient } from '../http-client.ts';

const SETTINGS = '/api/v1/me/notification-settings';

describe(`notification settings (${testDatabaseKind})`, () => {
  let t: TestApp;
  let alice: TestClient;
  let bob: TestClient;

  beforeAll(async () => {
    t = await buildTestApp();
    alice = await signIn(t, await createUser(t), { ip: '198.51.100.60' });
    bob = await signIn(t, await createUser(t), { ip: '198.51.100.61' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists every type with its default channel until the user chooses', async () => {
    const res = await alice.get(SETTINGS);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json().items).toEqual(
      NOTIFICATION_TYPES.map((type) => ({
        type,
        channel: NOTIFICATION_DEFAULT_CHANNELS[type],
        defaultChannel: NOTIFICATION_DEFAULT_CHANNELS[type],
        mandatory: type === 'moderation.decision' || type === 'takedown.notice',
      })),
    );
    // The defaults as the product decided them.
    expect(NOTIFICATION_DEFAULT_CHANNELS).toEqual({
      'nano.review_decision': 'email',
      'nano.status_changed': 'in_app',
      'rating.received': 'in_app',
      'rating.reply_received': 'email',
      'flag.outcome': 'email',
      'chat.message': 'email',
      'data_export.ready': 'email',
      'moderation.decision': 'email',
      'takedown.notice': 'email',
    });
  });

  it('keeps legal notices by email whatever the user chooses', async () => {
    const res = await alice.patch(SETTINGS, {
      settings: { 'moderation.decision': 'off', 'takedown.notice': 'in_app' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const legal = res
      .json()
      .items.filter((item: { mandatory: boolean }) => item.mandatory)
      .map((item: { type: string; channel: string }) => [item.type, item.channel]);
    expect(legal).toEqual([
      ['moderation.decision', 'email'],
      ['takedown.notice', 'email'],
    ]);
  });

  it('changes only the given types, returns all settings, and keeps them per user', async () => {
    const res = await alice.patch(SETTINGS, {
      settings: { 'rating.received': 'email', 'chat.message': 'off' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const byType = Object.fromEntries(
      res
        .json()
        .items.map((item: { type: string; channel: string; defaultChannel: string }) => [
          item.type,
          [item.channel, item.defaultChannel],
        ]),
    );
    expect(byType).toMatchObject({
      'rating.received': ['email', 'in_app'],
      'chat.message': ['off', 'email'],
      'nano.review_decision': ['email', 'email'],
    });
    expect(res.json().items).toHaveLength(NOTIFICATION_TYPES.length);

    // Changing one again leaves the other choice alone.
    await alice.patch(SETTINGS, { settings: { 'rating.received': 'in_app' } });
    const again = (await alice.get(SETTINGS)).json().items;
    expect(again.find((i: { type: string }) => i.type === 'rating.received').channel).toBe('in_app');
    expect(again.find((i: { type: string }) => i.type === 'chat.message').channel).toBe('off');

    const bobs = (await bob.get(SETTINGS)).json().items;
    expect(bobs.find((i: { type: string }) => i.type === 'chat.message').channel).toBe('email');
  });

  it('refuses unknown types and channels with a localised 400 and changes nothing', async () => {
    const before = (await alice.get(SETTINGS)).json();
    for (const body of [
      { settings: { 'rating.unknown': 'email' } },
      { settings: { 'rating.received': 'sms' } },
      { settings: 'email' },
      {},
    ]) {
      const res = await alice.patch(SETTINGS, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation_failed', title: 'Die Eingaben sind ungültig.' });
    }
    const english = await alice.request({
      method: 'PATCH',
      url: SETTINGS,
      payload: { settings: { 'rating.received': 'sms' } },
      headers: { 'accept-language': 'en' },
    });
    expect(english.json().title).toBe('The input is invalid.');
    expect((await alice.get(SETTINGS)).json()).toEqual(before);
  });

  it('answers 401 without sign-in', async () => {
    const guest = new TestClient(t.app, { ip: '198.51.100.62' });
    expect((await guest.get(SETTINGS)).statusCode).toBe(401);
    expect((await guest.patch(SETTINGS, { settings: {} })).statusCode).toBe(401);
  });
});
