import type { ServerEvent } from '@nano/contracts';
import WebSocket from 'ws';

/** How long one connection may take from the upgrade request to `ready`. */
const OPEN_TIMEOUT_MS = 30_000;

/** What a bench socket reports to the load while it runs. */
export interface SocketListener {
  /** Every server event except `ping` (answered here) and `ready`. */
  onEvent(user: number, event: ServerEvent, receivedAt: number): void;
  /** The server closed the socket (or it broke) while the load was running. */
  onClose(user: number, code: number): void;
}

/** One user's open chat socket. */
export interface BenchSocket {
  user: number;
  /** Which server it is connected to (index in the base URLs). */
  instance: number;
  socket: WebSocket;
}

export interface OpenResult {
  sockets: BenchSocket[];
  /** Connections that did not reach `ready` (refused, timed out, broken). */
  failures: number;
  /** The first few failure messages. */
  failureSamples: string[];
  seconds: number;
}

/**
 * Opens one chat socket per user, `concurrency` upgrades at a time, each on the server
 * `instanceOf(user)` with the user's access cookie and the server's own Origin, and waits for
 * `ready`. Answers `ping` with `pong` for as long as the socket lives.
 */
export async function openSockets(options: {
  baseUrls: string[];
  tokens: string[];
  instanceOf: (user: number) => number;
  concurrency: number;
  listener: SocketListener;
  signal: AbortSignal;
}): Promise<OpenResult> {
  const { baseUrls, tokens, instanceOf, listener, signal } = options;
  const started = performance.now();
  const sockets: BenchSocket[] = [];
  const failureSamples: string[] = [];
  let failures = 0;
  let next = 0;

  const openOne = (user: number): Promise<BenchSocket> => {
    const instance = instanceOf(user);
    const base = new URL(baseUrls[instance] as string);
    const url = `${base.protocol === 'https:' ? 'wss' : 'ws'}://${base.host}/api/v1/ws`;
    const socket = new WebSocket(url, {
      headers: { origin: base.origin, cookie: `nm_access=${tokens[user]}` },
      perMessageDeflate: false,
    });
    return new Promise((resolve, reject) => {
      let ready = false;
      const timer = setTimeout(() => {
        socket.terminate();
        reject(new Error(`no ready within ${OPEN_TIMEOUT_MS} ms`));
      }, OPEN_TIMEOUT_MS);
      socket.on('message', (data) => {
        const receivedAt = performance.now();
        const event = JSON.parse(String(data)) as ServerEvent;
        if (event.type === 'ping') {
          socket.send('{"type":"pong"}');
          return;
        }
        if (event.type === 'ready') {
          ready = true;
          clearTimeout(timer);
          resolve({ user, instance, socket });
          return;
        }
        listener.onEvent(user, event, receivedAt);
      });
      socket.on('unexpected-response', (_request, response) => {
        clearTimeout(timer);
        socket.terminate();
        reject(new Error(`upgrade refused: ${response.statusCode}`));
      });
      socket.on('error', (error) => {
        if (!ready) {
          clearTimeout(timer);
          reject(error);
        }
      });
      socket.on('close', (code) => {
        if (ready) {
          listener.onClose(user, code);
        } else {
          clearTimeout(timer);
          reject(new Error(`closed before ready (${code})`));
        }
      });
    });
  };

  const worker = async () => {
    while (next < tokens.length && !signal.aborted) {
      const user = next++;
      try {
        sockets.push(await openOne(user));
      } catch (error) {
        failures++;
        if (failureSamples.length < 5) {
          failureSamples.push(`user ${user}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  signal.throwIfAborted();
  sockets.sort((a, b) => a.user - b.user);
  return { sockets, failures, failureSamples, seconds: (performance.now() - started) / 1000 };
}

/** Closes every socket (1000) and waits, at most `timeoutMs`, for the closes to complete. */
export async function closeSockets(sockets: BenchSocket[], timeoutMs = 10_000): Promise<void> {
  const closed = sockets.map(
    ({ socket }) =>
      new Promise<void>((resolve) => {
        if (socket.readyState === WebSocket.CLOSED) {
          resolve();
          return;
        }
        socket.once('close', () => resolve());
        socket.close(1000);
      }),
  );
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.all(closed),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    }),
  ]);
  clearTimeout(timer);
  for (const { socket } of sockets) {
    socket.terminate();
  }
}
