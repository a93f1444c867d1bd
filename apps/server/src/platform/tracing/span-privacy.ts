import type { Attributes } from '@opentelemetry/api';
import { anonymizeIp } from '../../lib/anonymize-ip.ts';
import { REDACTED, redactQuery, redactUrl } from '../../lib/redact-query.ts';

/**
 * Traces leave the database's access controls and retention, so personal data stays out of them
 * (DSGVO data minimisation), as it does out of the stored sessions and audit rows:
 * - client IP addresses are cut to their network (/24, /48), as everywhere else;
 * - query strings keep their parameter names but lose their values (search terms, share and
 *   confirmation tokens of links);
 * - Redis commands are recorded by name only (their keys hold IP addresses and user ids).
 * SQL is recorded as Kysely sends it, with `$1` placeholders: values never reach a span.
 */
export const IP_ATTRIBUTES = [
  'client.address',
  'network.peer.address',
  'http.client_ip',
  'net.peer.ip',
] as const;
export const URL_ATTRIBUTES = ['url.query', 'url.full', 'http.target', 'http.url'] as const;

/** The attribute values that replace the personal ones of an HTTP span (only those present). */
export function httpPrivacyOverrides(attributes: Attributes): Attributes {
  const overrides: Attributes = {};
  for (const key of IP_ATTRIBUTES) {
    const value = attributes[key];
    if (typeof value === 'string') {
      overrides[key] = anonymizeIp(value) ?? REDACTED;
    }
  }
  for (const key of URL_ATTRIBUTES) {
    const value = attributes[key];
    if (typeof value === 'string' && (key === 'url.query' || value.includes('?'))) {
      overrides[key] = key === 'url.query' ? redactQuery(value) : redactUrl(value);
    }
  }
  return overrides;
}

/** A Redis command as recorded in `db.query.text`: its name, never its keys or arguments. */
export function redisStatement(command: string): string {
  return command;
}
