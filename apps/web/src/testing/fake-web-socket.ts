import type { ClientEvent, ServerEvent } from '@nano/contracts';
import { act } from '@testing-library/react';
import type { SocketLike } from '../shared/realtime/socket.ts';

const CONNECTING = 0;
const OPEN = 1;
const CLOSED = 3;

/**
 * A WebSocket stand-in for jsdom: it never touches the network. It stays "connecting" until a
 * test opens it; then the test plays the server (`emit`) and reads what the client sent
 * (`sentEvents`). The test setup installs it as the global `WebSocket`, so every page test gets
 * one that quietly stays connecting (the app then sends over REST).
 */
export class FakeWebSocket implements SocketLike {
  /** Every socket created since the last `FakeWebSocket.reset()`, oldest first. */
  static instances: FakeWebSocket[] = [];

  static readonly CONNECTING = CONNECTING;
  static readonly OPEN = OPEN;
  static readonly CLOSED = CLOSED;

  /** The newest socket (the one the client uses now). */
  static get latest(): FakeWebSocket | undefined {
    return FakeWebSocket.instances.at(-1);
  }

  static reset(): void {
    FakeWebSocket.instances = [];
  }

  readonly url: string;
  readyState = CONNECTING;
  /** Raw frames the client sent. */
  readonly sent: string[] = [];
  /** The close code the client used, when it closed the socket itself. */
  closedWith: number | undefined;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;

  constructor(url: string) {
    this.url = url;
    FakeWebSocket.instances.push(this);
  }

  /** The client's frames, parsed. */
  get sentEvents(): ClientEvent[] {
    return this.sent.map((frame) => JSON.parse(frame) as ClientEvent);
  }

  send(data: string): void {
    if (this.readyState !== OPEN) {
      throw new Error('FakeWebSocket: send while not open');
    }
    this.sent.push(data);
  }

  close(code = 1000): void {
    this.closedWith = code;
    this.readyState = CLOSED;
  }

  /** The server accepts the connection. */
  open(): void {
    this.readyState = OPEN;
    this.onopen?.(new Event('open'));
  }

  /** The server sends an event (or any raw frame). */
  emit(event: ServerEvent | string): void {
    const data = typeof event === 'string' ? event : JSON.stringify(event);
    this.onmessage?.(new MessageEvent('message', { data }));
  }

  /** The connection ends from the server's side (or fails: 1006). */
  serverClose(code = 1006): void {
    this.readyState = CLOSED;
    this.onclose?.(new CloseEvent('close', { code }));
  }
}

/** Opens the newest fake socket inside `act` (React state updates follow). */
export function openLatestSocket(): FakeWebSocket {
  const socket = FakeWebSocket.latest;
  if (!socket) {
    throw new Error('no WebSocket was opened');
  }
  act(() => socket.open());
  return socket;
}

/** Plays the server: sends `event` over the newest socket inside `act`. */
export function emitServerEvent(event: ServerEvent): void {
  const socket = FakeWebSocket.latest;
  if (!socket) {
    throw new Error('no WebSocket was opened');
  }
  act(() => socket.emit(event));
}
