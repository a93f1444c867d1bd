/** Path of the chat socket on the app's own origin (cookies go along; the server checks the Origin). */
export const REALTIME_PATH = '/api/v1/ws';

/** `readyState` of an open WebSocket (the standard constant, without reading the global class). */
export const SOCKET_OPEN = 1;

/**
 * The part of the browser's WebSocket the realtime client uses. Tests hand the client a fake
 * with the same shape (testing/fake-web-socket.ts).
 */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/** Opens a socket to `url`. */
export type SocketFactory = (url: string) => SocketLike;

/** The browser's WebSocket, looked up when called (so that a test's stub of the global is used). */
export const browserSocketFactory: SocketFactory = (url) => new WebSocket(url);

/** `ws(s)://<this origin>/api/v1/ws`. */
export function realtimeUrl(origin: string = window.location.origin): string {
  return `${origin.replace(/^http/, 'ws')}${REALTIME_PATH}`;
}
