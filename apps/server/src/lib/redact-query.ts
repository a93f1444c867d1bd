/** What a removed value is replaced with in logs and traces. */
export const REDACTED = 'REDACTED';

/**
 * Query values can be personal (search terms) or secret (tokens in links), so logs and traces keep
 * only the parameter names: `q=Max+Muster&page=2` → `q=REDACTED&page=REDACTED`.
 */
export function redactQuery(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq >= 0 ? `${pair.slice(0, eq)}=${REDACTED}` : pair;
    })
    .join('&');
}

/** A URL or path with its query values redacted ({@link redactQuery}); everything else is kept. */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) {
    return url;
  }
  const hash = url.indexOf('#', at);
  const query = url.slice(at + 1, hash < 0 ? undefined : hash);
  return `${url.slice(0, at + 1)}${redactQuery(query)}${hash < 0 ? '' : url.slice(hash)}`;
}
