import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { changeLocale } from '../shared/i18n/i18n.ts';
import { FakeWebSocket } from './fake-web-socket.ts';
import { clearCsrfCookie } from './mock-api.ts';

// The first render of a lazily loaded page can take over a second on a busy CI machine; waiting
// up to 5 s (instead of 1 s) keeps `findBy…` and `waitFor` about behaviour, not machine speed.
configure({ asyncUtilTimeout: 5_000 });

// pdf.js needs a real browser (canvas, module workers); the e2e journey covers it. Here a PDF stays
// "loading". Mocked in the setup file because the app's modules are loaded from here already.
vi.mock('../shared/nanos/viewer/pdfjs.ts', () => ({
  openPdf: () => ({ promise: new Promise(() => {}), destroy: async () => {} }),
}));

// jsdom lacks the layout APIs Mantine uses (see Mantine's "Testing with Vitest" guide).
window.matchMedia = (query: string) => ({
  matches: false,
  media: query,
  onchange: null,
  addListener: () => {},
  removeListener: () => {},
  addEventListener: () => {},
  removeEventListener: () => {},
  dispatchEvent: () => false,
});
window.ResizeObserver = class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
window.HTMLElement.prototype.scrollIntoView = () => {};
// jsdom has no object URLs (avatar preview, backup-code download); tests spy on these.
URL.createObjectURL ??= () => 'blob:test';
URL.revokeObjectURL ??= () => {};

beforeEach(async () => {
  window.localStorage.clear();
  // The chat's realtime connection: never a real socket in jsdom; tests open the fake when they need it.
  FakeWebSocket.reset();
  vi.stubGlobal('WebSocket', FakeWebSocket);
  await changeLocale('de');
});

afterEach(() => {
  cleanup();
  clearCsrfCookie();
});
