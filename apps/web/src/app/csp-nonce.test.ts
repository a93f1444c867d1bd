import { afterEach, describe, expect, it } from 'vitest';
import { readCspNonce } from './csp-nonce.ts';

function setNonceMeta(content: string) {
  const meta = document.createElement('meta');
  meta.name = 'csp-nonce';
  meta.content = content;
  document.head.append(meta);
}

describe('readCspNonce', () => {
  afterEach(() => {
    document.head.querySelector('meta[name="csp-nonce"]')?.remove();
  });

  it('reads the nonce the server put into the meta tag', () => {
    setNonceMeta('r4nd0m-n0nce');
    expect(readCspNonce()).toBe('r4nd0m-n0nce');
  });

  it('gives none while the placeholder is still there (Vite dev server) or the tag is missing', () => {
    expect(readCspNonce()).toBeUndefined();
    setNonceMeta('__CSP_NONCE__');
    expect(readCspNonce()).toBeUndefined();
  });
});
