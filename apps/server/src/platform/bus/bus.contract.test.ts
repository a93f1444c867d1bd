import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Bus } from '../cache.ts';
import { createMemoryBus } from './memory-bus.ts';
import { createRedisBus } from './redis-bus.ts';

interface BusUnderTest {
  bus: Bus;
  /** Another instance on the same backend, as a second app process would have. */
  createPeer(): Bus;
  /** Publishes bytes that did not come from a bus (Redis only: anyone with access can publish). */
  publishRaw: ((channel: string, raw: string) => Promise<void>) | undefined;
  teardown(): Promise<void>;
}

interface Implementation {
  name: string;
  /** Why the suite cannot run here, or undefined when it can. */
  skipReason: string | undefined;
  /** Whether separate instances share messages (true only for a shared server). */
  crossInstance: boolean;
  create(): Promise<BusUnderTest>;
}

const redisUrl = process.env.TEST_REDIS_URL;

const implementations: Implementation[] = [
  {
    name: 'memory',
    skipReason: undefined,
    crossInstance: false,
    create: async () => {
      const peers: Bus[] = [];
      const bus = createMemoryBus();
      return {
        bus,
        createPeer: () => {
          const peer = createMemoryBus();
          peers.push(peer);
          return peer;
        },
        publishRaw: undefined,
        teardown: async () => {
          await Promise.all([bus, ...peers].map((each) => each.close()));
        },
      };
    },
  },
  {
    name: 'redis',
    skipReason: redisUrl ? undefined : 'set TEST_REDIS_URL to run against Redis',
    crossInstance: true,
    create: async () => {
      const url = requireValue(redisUrl, 'TEST_REDIS_URL');
      // Pub/sub creates no keys; a unique prefix keeps parallel runs on one Redis from hearing each other.
      const prefix = `test:${randomBytes(6).toString('hex')}:`;
      const peers: Bus[] = [];
      const raw = new Redis(url);
      const bus = createRedisBus(url, prefix);
      return {
        bus,
        createPeer: () => {
          const peer = createRedisBus(url, prefix);
          peers.push(peer);
          return peer;
        },
        publishRaw: async (channel, message) => {
          await raw.publish(`${prefix}${channel}`, message);
        },
        teardown: async () => {
          await Promise.all([bus, ...peers].map((each) => each.close()));
          await raw.quit();
        },
      };
    },
  },
];

describe.each(implementations)('bus contract: $name', ({ skipReason, crossInstance, create }) => {
  if (skipReason) {
    it.skip(skipReason, () => undefined);
    return;
  }

  let subject: BusUnderTest;
  beforeAll(async () => {
    subject = await create();
  });
  afterAll(async () => {
    await subject.teardown();
  });

  it('delivers a message to every subscriber of its channel and to no other channel', async () => {
    const { bus } = subject;
    const first = createInbox();
    const second = createInbox();
    const otherRoom = createInbox();
    const unsubscribes = [
      await bus.subscribe('room:a', first.handler),
      await bus.subscribe('room:a', second.handler),
      await bus.subscribe('room:b', otherRoom.handler),
    ];
    await bus.publish('room:a', { text: 'Hallo' });
    // Published after the first message, so once it arrives the first one would have arrived too.
    await bus.publish('room:b', { marker: true });
    await vi.waitFor(() => {
      expect(first.messages).toEqual([{ text: 'Hallo' }]);
      expect(second.messages).toEqual([{ text: 'Hallo' }]);
      expect(otherRoom.messages).toEqual([{ marker: true }]);
    });
    await Promise.all(unsubscribes.map((unsubscribe) => unsubscribe()));
  });

  it('delivers outside publish(), as a network bus would', async () => {
    const inbox = createInbox();
    const unsubscribe = await subject.bus.subscribe('later', inbox.handler);
    const published = subject.bus.publish('later', 'bald');
    expect(inbox.messages).toEqual([]);
    await published;
    await vi.waitFor(() => expect(inbox.messages).toEqual(['bald']));
    await unsubscribe();
  });

  it('stops delivering to a handler once it unsubscribed, and lets the channel be subscribed again', async () => {
    const { bus } = subject;
    const leaving = createInbox();
    const staying = createInbox();
    const unsubscribeLeaving = await bus.subscribe('room:c', leaving.handler);
    const unsubscribeStaying = await bus.subscribe('room:c', staying.handler);
    await unsubscribeLeaving();
    await bus.publish('room:c', 'eins');
    await vi.waitFor(() => expect(staying.messages).toEqual(['eins']));
    expect(leaving.messages).toEqual([]);

    await unsubscribeStaying();
    const returning = createInbox();
    const unsubscribeReturning = await bus.subscribe('room:c', returning.handler);
    await bus.publish('room:c', 'zwei');
    await vi.waitFor(() => expect(returning.messages).toEqual(['zwei']));
    expect(staying.messages).toEqual(['eins']);
    expect(leaving.messages).toEqual([]);
    await unsubscribeReturning();
  });

  it('carries JSON values unchanged, in publish order', async () => {
    const { bus } = subject;
    const inbox = createInbox();
    const unsubscribe = await bus.subscribe('json', inbox.handler);
    const values = [
      { chat: { id: '0190a000-0000-7000-8000-000000000001', text: 'Grüße aus Köln 👋', tags: ['a', 'b'] } },
      ['ä', 1, 2.5, null, true, { nested: [] }],
      'Straße',
      42,
      null,
      false,
    ];
    for (const value of values) {
      await bus.publish('json', value);
    }
    await bus.publish('json', { at: new Date('2026-01-15T09:00:00.000Z') });
    await vi.waitFor(() => expect(inbox.messages).toEqual([...values, { at: '2026-01-15T09:00:00.000Z' }]));
    await unsubscribe();
  });

  it('gives each receiver its own copy, so no receiver can change what others see', async () => {
    const { bus } = subject;
    const original = { text: 'unverändert' };
    const mutating = createInbox((message) => {
      if (isRecord(message)) {
        message.text = 'verändert';
      }
    });
    const reading = createInbox();
    const unsubscribes = [
      await bus.subscribe('copies', mutating.handler),
      await bus.subscribe('copies', reading.handler),
    ];
    await bus.publish('copies', original);
    await vi.waitFor(() => expect(reading.messages).toHaveLength(1));
    expect(reading.messages).toEqual([{ text: 'unverändert' }]);
    expect(original).toEqual({ text: 'unverändert' });
    await Promise.all(unsubscribes.map((unsubscribe) => unsubscribe()));
  });

  it.runIf(crossInstance)(
    'delivers a message published by one instance to subscribers of another',
    async () => {
      const sender = subject.bus;
      const receiver = subject.createPeer();
      const onReceiver = createInbox();
      const onSender = createInbox();
      const unsubscribes = [
        await receiver.subscribe('fan-out', onReceiver.handler),
        await sender.subscribe('fan-out', onSender.handler),
      ];
      await sender.publish('fan-out', { from: 'instance 1' });
      await vi.waitFor(() => {
        expect(onReceiver.messages).toEqual([{ from: 'instance 1' }]);
        expect(onSender.messages).toEqual([{ from: 'instance 1' }]);
      });
      await Promise.all(unsubscribes.map((unsubscribe) => unsubscribe()));
    },
  );

  it.runIf(crossInstance)('drops a message that is not JSON and keeps delivering the next ones', async () => {
    const publishRaw = requireValue(subject.publishRaw, 'publishRaw');
    const inbox = createInbox();
    const unsubscribe = await subject.bus.subscribe('raw', inbox.handler);
    await publishRaw('raw', '{"not": json');
    await subject.bus.publish('raw', { ok: true });
    await vi.waitFor(() => expect(inbox.messages).toEqual([{ ok: true }]));
    await unsubscribe();
  });
});

/** Collects what a handler receives; `react` runs on each message after it was recorded. */
function createInbox(react?: (message: unknown) => void): {
  messages: unknown[];
  handler: (message: unknown) => void;
} {
  const messages: unknown[] = [];
  return {
    messages,
    handler: (message) => {
      // A snapshot: a later handler mutating its copy must not be able to change what was recorded here.
      messages.push(structuredClone(message));
      react?.(message);
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requireValue<T>(value: T | undefined, name: string): T {
  if (value === undefined || value === '') {
    throw new Error(`${name} is not set`);
  }
  return value;
}
