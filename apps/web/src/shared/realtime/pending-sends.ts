import type { ChatMessage, Problem, ServerEvent } from '@nano/contracts';
import { ApiError } from '../api/client.ts';

/** HTTP status of the problem a socket `error` event stands for (REST answers the same codes with these). */
const ERROR_STATUS: Record<string, number> = {
  chat_rate_limited: 429,
  chat_disabled: 409,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
};
const DEFAULT_ERROR_STATUS = 422;

/** The socket went away (or stayed silent) before the server answered a send: send over REST instead. */
export class ConnectionLost extends Error {
  constructor() {
    super('connection lost before the acknowledgement');
    this.name = 'ConnectionLost';
  }
}

/** The problem a socket `error` event stands for, as an ApiError like REST would throw. */
export function errorFromEvent(event: Extract<ServerEvent, { type: 'error' }>): ApiError {
  const status = ERROR_STATUS[event.code] ?? (event.retryAfterSeconds === null ? DEFAULT_ERROR_STATUS : 429);
  const problem: Problem = { type: 'about:blank', title: event.message, status, code: event.code };
  return new ApiError(problem, { retryAfterSeconds: event.retryAfterSeconds });
}

interface PendingSend {
  promise: Promise<ChatMessage>;
  resolve: (message: ChatMessage) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** Messages sent over the socket that wait for their `ack` (or `error`), by clientId. */
export class PendingSends {
  readonly #pending = new Map<string, PendingSend>();

  /** The promise of a send with this clientId still waiting, if any. */
  get(clientId: string): Promise<ChatMessage> | undefined {
    return this.#pending.get(clientId)?.promise;
  }

  /** Waits for the answer to `clientId`; rejects with ConnectionLost after `timeoutMs`. */
  add(clientId: string, timeoutMs: number): Promise<ChatMessage> {
    let settle: Pick<PendingSend, 'resolve' | 'reject'> = { resolve: () => {}, reject: () => {} };
    const promise = new Promise<ChatMessage>((resolve, reject) => {
      settle = { resolve, reject };
    });
    const timer = setTimeout(() => this.reject(clientId, new ConnectionLost()), timeoutMs);
    this.#pending.set(clientId, { promise, timer, ...settle });
    return promise;
  }

  resolve(clientId: string, message: ChatMessage): void {
    this.#take(clientId)?.resolve(message);
  }

  reject(clientId: string, error: Error): void {
    this.#take(clientId)?.reject(error);
  }

  /** The connection dropped: every waiting send goes over REST instead. */
  failAll(): void {
    for (const clientId of [...this.#pending.keys()]) {
      this.reject(clientId, new ConnectionLost());
    }
  }

  #take(clientId: string): PendingSend | undefined {
    const pending = this.#pending.get(clientId);
    if (pending) {
      this.#pending.delete(clientId);
      clearTimeout(pending.timer);
    }
    return pending;
  }
}
