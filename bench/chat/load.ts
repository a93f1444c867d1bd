import { randomBytes } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ServerEvent } from '@nano/contracts';
import type WebSocket from 'ws';
import { Prng } from '../generate/prng.ts';
import { percentile } from '../lib/measure.ts';
import type { SocketListener } from './clients.ts';
import type { ChatUser } from './fixture.ts';

/** Latency figures in milliseconds (nearest rank); NaN without samples. */
export interface LatencyStats {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** What one measured messaging run did. */
export interface MessagingResult {
  /** Messages sent in the measured window (warm-up excluded). */
  sent: number;
  seconds: number;
  /** Messages sent per second, as achieved (the target is the rate option). */
  sentPerSecond: number;
  /** Acknowledged by the server (stored) … */
  acked: number;
  /** … of which the content filter held (never delivered; should be 0). */
  held: number;
  /** Refused with an `error` event, by code. */
  errors: Record<string, number>;
  /** Neither acknowledged nor refused before the drain ended. */
  unanswered: number;
  /** Acknowledged visible messages the recipient received … */
  delivered: number;
  /** … and those it never received: the lost messages. */
  lost: number;
  /** Messages a recipient received more than once. */
  duplicates: number;
  /** Send → `message.created` at the recipient. */
  deliveryMs: LatencyStats;
  /** Of those, sender and recipient on the same instance / on different instances (two-instance runs). */
  sameInstanceMs: LatencyStats;
  crossInstanceMs: LatencyStats;
  /** Send → `ack` at the sender. */
  ackMs: LatencyStats;
  /** Sockets the server closed during the measurement. */
  socketsClosed: number;
  /** p99 of the load generator's own event-loop delay: latencies below this are not resolvable. */
  loadGeneratorLagP99Ms: number;
}

/** Harmless, filter-clean sentences; every text also carries its sequence number, so none repeats. */
const PHRASES = [
  'Gibt es zu Kapitel 2 eine Übungsdatei?',
  'Danke, das Beispiel mit der Pivot-Tabelle hat geholfen.',
  'Können Sie den Schritt mit dem SVERWEIS noch einmal erklären?',
  'Ich schicke Ihnen morgen meine Fragen zur Auswertung.',
  'Funktioniert das auch mit LibreOffice Calc?',
  'Super erklärt, vielen Dank! 👍',
  'Wie lange dauert der zweite Teil ungefähr?',
  'Die Aufgabe am Ende war genau richtig.',
];

const SEQ_IN_TEXT = /#(\d+):/;

function stats(values: number[]): LatencyStats {
  const sorted = Float64Array.from(values).sort();
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? (sorted[sorted.length - 1] ?? Number.NaN) : Number.NaN,
  };
}

interface SentMessage {
  sentAt: number;
  recipient: number;
  crossInstance: boolean;
  ackAt?: number;
  held?: boolean;
  error?: string;
  deliveredAt?: number;
  deliveries: number;
}

/**
 * The chat load: paced `message.send`s between random chat partners, and the bookkeeping of what
 * came back. Senders take turns in a fixed shuffled order, so every user sends at the same steady
 * rate (rate × 60 / senders per minute) and the per-user limit is never hit by chance. Each text
 * carries the message's sequence number, which is how the recipient's `message.created` (which
 * has no client id) is matched to its send time.
 */
export class ChatLoad implements SocketListener {
  private readonly sockets: Array<WebSocket | undefined>;
  private readonly senders: number[];
  private readonly prng: Prng;
  private nextSeq = 0;
  /** Sequence numbers from here on are measured. */
  private measuredFrom = Number.POSITIVE_INFINITY;
  private readonly measured = new Map<number, SentMessage>();
  private socketsClosed = 0;
  /** Answers and deliveries of measured messages so far (the drain stops when this stalls). */
  private progress = 0;
  /**
   * Part of every client id: a run that repeated an earlier run's client ids (same seed, same senders)
   * would get the stored messages back, idempotently, and nothing delivered.
   */
  private readonly runId = randomBytes(4).toString('hex');

  constructor(
    private readonly users: ChatUser[],
    private readonly instanceOf: (user: number) => number,
    seed: number,
  ) {
    this.sockets = new Array(users.length);
    this.prng = new Prng(seed);
    const withChats = users.map((_, index) => index).filter((index) => (users[index]?.chats.length ?? 0) > 0);
    for (let i = withChats.length - 1; i > 0; i--) {
      const j = this.prng.int(0, i);
      [withChats[i], withChats[j]] = [withChats[j] as number, withChats[i] as number];
    }
    this.senders = withChats;
  }

  /** Users that send (those with at least one chat). */
  get senderCount(): number {
    return this.senders.length;
  }

  private clientIdOf(seq: number): string {
    return `bench-${this.runId}-${seq}`;
  }

  private seqOfClientId(clientId: string | null): number {
    const prefix = `bench-${this.runId}-`;
    return clientId?.startsWith(prefix) ? Number(clientId.slice(prefix.length)) : -1;
  }

  attach(user: number, socket: WebSocket): void {
    this.sockets[user] = socket;
  }

  onEvent(user: number, event: ServerEvent, receivedAt: number): void {
    switch (event.type) {
      case 'ack': {
        const sent = this.measured.get(this.seqOfClientId(event.clientId));
        if (sent && sent.ackAt === undefined) {
          this.progress++;
          sent.ackAt = receivedAt;
          sent.held = event.message.status !== 'visible';
        }
        return;
      }
      case 'error': {
        const sent = this.measured.get(this.seqOfClientId(event.clientId));
        if (sent) {
          this.progress++;
          sent.error = event.code;
        }
        return;
      }
      case 'message.created': {
        if (event.message.senderId === this.users[user]?.id) {
          return; // The sender's own copy (for its other devices).
        }
        const seq = Number(SEQ_IN_TEXT.exec(event.message.text)?.[1] ?? Number.NaN);
        const sent = this.measured.get(seq);
        if (!sent || sent.recipient !== user) {
          return;
        }
        sent.deliveries += 1;
        sent.deliveredAt ??= receivedAt;
        this.progress++;
        return;
      }
      default:
        return;
    }
  }

  onClose(user: number): void {
    this.sockets[user] = undefined;
    if (Number.isFinite(this.measuredFrom)) {
      this.socketsClosed += 1;
    }
  }

  /**
   * Sends `rate` messages per second for `seconds`, each at its scheduled time however long the
   * answers take (an open load). With `record` the messages are measured.
   */
  async send(options: {
    rate: number;
    seconds: number;
    record: boolean;
    signal: AbortSignal;
  }): Promise<number> {
    const { rate, seconds, record, signal } = options;
    const total = Math.round(rate * seconds);
    const intervalMs = 1000 / rate;
    if (record) {
      this.measuredFrom = this.nextSeq;
    }
    const started = performance.now();
    for (let i = 0; i < total && !signal.aborted; i++) {
      const wait = started + i * intervalMs - performance.now();
      if (wait > 1) {
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
      this.sendOne(record);
    }
    signal.throwIfAborted();
    return (performance.now() - started) / 1000;
  }

  private sendOne(record: boolean): void {
    const seq = this.nextSeq++;
    const sender = this.senders[seq % this.senders.length] as number;
    const user = this.users[sender] as ChatUser;
    const chat = user.chats[this.prng.int(0, user.chats.length - 1)] as { chatId: string; other: number };
    const socket = this.sockets[sender];
    const entry: SentMessage = {
      sentAt: performance.now(),
      recipient: chat.other,
      crossInstance: this.instanceOf(sender) !== this.instanceOf(chat.other),
      deliveries: 0,
    };
    if (record) {
      this.measured.set(seq, entry);
    }
    if (!socket) {
      entry.error = 'socket_closed';
      return;
    }
    socket.send(
      JSON.stringify({
        type: 'message.send',
        chatId: chat.chatId,
        text: `Nachricht #${seq}: ${PHRASES[seq % PHRASES.length]} (${this.runId})`,
        clientId: this.clientIdOf(seq),
      }),
    );
  }

  /**
   * Waits until every measured message was answered and every stored one delivered. A server
   * that fell behind is still working through its backlog: the wait goes on while answers keep
   * coming, and ends once nothing arrived for `stallMs` (or after `maxMs`).
   */
  async drain(options: { stallMs: number; maxMs: number }): Promise<number> {
    const started = performance.now();
    let lastProgress = this.progress;
    let lastProgressAt = started;
    const settled = (m: SentMessage) =>
      m.error !== undefined || (m.ackAt !== undefined && (m.held || m.deliveredAt !== undefined));
    for (;;) {
      const now = performance.now();
      if (this.progress !== lastProgress) {
        lastProgress = this.progress;
        lastProgressAt = now;
      }
      let open = 0;
      for (const message of this.measured.values()) {
        if (!settled(message)) {
          open++;
        }
      }
      if (open === 0 || now - lastProgressAt > options.stallMs || now - started > options.maxMs) {
        return (now - started) / 1000;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Measures the load generator's event-loop delay while `work` runs. */
  static async withLagMonitor<T>(work: () => Promise<T>): Promise<{ value: T; lagP99Ms: number }> {
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
    try {
      const value = await work();
      return { value, lagP99Ms: histogram.percentile(99) / 1e6 };
    } finally {
      histogram.disable();
    }
  }

  result(seconds: number, loadGeneratorLagP99Ms: number): MessagingResult {
    const errors: Record<string, number> = {};
    const delivery: number[] = [];
    const same: number[] = [];
    const cross: number[] = [];
    const ack: number[] = [];
    let acked = 0;
    let held = 0;
    let delivered = 0;
    let lost = 0;
    let duplicates = 0;
    let unanswered = 0;
    for (const message of this.measured.values()) {
      if (message.error !== undefined) {
        errors[message.error] = (errors[message.error] ?? 0) + 1;
      }
      if (message.ackAt !== undefined) {
        acked++;
        ack.push(message.ackAt - message.sentAt);
        if (message.held) {
          held++;
        }
      } else if (message.error === undefined) {
        unanswered++;
      }
      if (message.deliveredAt !== undefined) {
        delivered++;
        const latency = message.deliveredAt - message.sentAt;
        delivery.push(latency);
        (message.crossInstance ? cross : same).push(latency);
      } else if (message.ackAt !== undefined && !message.held) {
        lost++;
      }
      if (message.deliveries > 1) {
        duplicates++;
      }
    }
    return {
      sent: this.measured.size,
      seconds,
      sentPerSecond: this.measured.size / seconds,
      acked,
      held,
      errors,
      unanswered,
      delivered,
      lost,
      duplicates,
      deliveryMs: stats(delivery),
      sameInstanceMs: stats(same),
      crossInstanceMs: stats(cross),
      ackMs: stats(ack),
      socketsClosed: this.socketsClosed,
      loadGeneratorLagP99Ms: loadGeneratorLagP99Ms,
    };
  }
}
