import { CHAT_LIMITS } from '@nano/contracts';
import { closeSockets, openSockets } from '../chat/clients.ts';
import { planChats, writeChatFixture } from '../chat/fixture.ts';
import { ChatLoad } from '../chat/load.ts';
import { customScenario, type Measurement } from '../lib/scenario.ts';
import { requirePostgres } from './rating-fixtures.ts';

const DRAIN = { stallMs: 10_000, maxMs: 120_000 };
const OPEN_CONCURRENCY = 100;
const SEED = 20261127;

/**
 * The chat on the runner's one server: `--connections` signed-in users, each with an open WebSocket,
 * send chat messages to random chat partners for `--duration` seconds at the highest rate the
 * per-user limit allows (every user 6 a minute), or `BENCH_CHAT_RATE`. Latency is send → the
 * recipient's `message.created`; every stored message that never arrives counts as an error.
 * The full issue-7 run (5,000 connections, 500 messages/s, two instances behind Redis) is
 * `npm run bench:chat`.
 */
export const chat = customScenario({
  name: 'chat',
  description: 'WebSocket chat: messages between random chat partners, send → delivery latency',
  dataset: 'own',
  async run(ctx) {
    const databaseUrl = requirePostgres(ctx, 'chat');
    const plan = planChats({ users: Math.max(2, ctx.connections), chatsPerConsumer: 4, seed: SEED });
    const fallbackRate = Math.max(1, Math.floor((plan.senders * 6) / 60));
    const rate = Number(process.env.BENCH_CHAT_RATE ?? fallbackRate);
    if ((rate * 60) / plan.senders > CHAT_LIMITS.messagesPerMinute) {
      throw new Error(
        `${rate} messages/s from ${plan.senders} senders exceed ${CHAT_LIMITS.messagesPerMinute} per user and minute; ` +
          'use more --connections or npm run bench:chat (which raises the limit)',
      );
    }
    const fixture = await writeChatFixture(databaseUrl, plan);
    try {
      const load = new ChatLoad(fixture.users, () => 0, SEED);
      const opened = await openSockets({
        baseUrls: [ctx.baseUrl],
        tokens: await fixture.accessTokens(),
        instanceOf: () => 0,
        concurrency: OPEN_CONCURRENCY,
        listener: load,
        signal: ctx.signal,
      });
      for (const { user, socket } of opened.sockets) {
        load.attach(user, socket);
      }
      try {
        if (ctx.warmupSeconds > 0) {
          await load.send({ rate, seconds: ctx.warmupSeconds, record: false, signal: ctx.signal });
        }
        const { value: seconds, lagP99Ms } = await ChatLoad.withLagMonitor(() =>
          load.send({ rate, seconds: ctx.durationSeconds, record: true, signal: ctx.signal }),
        );
        await load.drain(DRAIN);
        const result = load.result(seconds, lagP99Ms);
        process.stderr.write(
          `bench: chat: ${opened.sockets.length} sockets (${opened.failures} failed), ${rate} messages/s, ` +
            `${result.delivered}/${result.acked} delivered, ${result.lost} lost, load generator lag p99 ${lagP99Ms.toFixed(1)} ms\n`,
        );
        const refused = Object.values(result.errors).reduce((sum, n) => sum + n, 0);
        const measurement: Measurement = {
          durationSeconds: seconds,
          requests: result.delivered,
          requestsPerSecond: result.delivered / seconds,
          latencyMs: {
            mean: Number.NaN,
            p50: result.deliveryMs.p50,
            p90: Number.NaN,
            p95: result.deliveryMs.p95,
            p99: result.deliveryMs.p99,
            max: result.deliveryMs.max,
          },
          statusCodes: {},
          non2xx3xx: refused,
          unexpectedStatus: refused + result.held,
          errors: opened.failures + result.lost + result.unanswered + result.duplicates,
          timeouts: result.unanswered,
        };
        return measurement;
      } finally {
        await closeSockets(opened.sockets);
      }
    } finally {
      await fixture.remove();
    }
  },
});
