/** What index.html holds before the server swaps in a fresh nonce per request (Vite's dev server does not). */
const NONCE_PLACEHOLDER = '__CSP_NONCE__';

/**
 * The nonce the server allows `<style>` elements with (`style-src 'self' 'nonce-…'`), read from
 * `<meta name="csp-nonce">`. Browsers hide `nonce` attributes from scripts, so the server
 * repeats it in the meta tag's content. Undefined in development, where no CSP applies.
 */
export function readCspNonce(): string | undefined {
  const nonce = document.querySelector('meta[name="csp-nonce"]')?.getAttribute('content');
  return nonce && nonce !== NONCE_PLACEHOLDER ? nonce : undefined;
}
