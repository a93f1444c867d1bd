import { DEFAULT_LOCALE, LOCALES, type Locale } from '@nano/contracts';

/**
 * Picks the best supported locale from an `Accept-Language` header (RFC 9110 weights);
 * German when nothing matches.
 */
export function pickLocale(header: string | undefined): Locale {
  if (!header) {
    return DEFAULT_LOCALE;
  }
  const candidates = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number.parseFloat(q.slice(2)) : 1;
      return {
        language: tag.toLowerCase().split('-')[0] ?? '',
        weight: Number.isNaN(weight) ? 0 : weight,
        index,
      };
    })
    .filter((c) => c.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const candidate of candidates) {
    if ((LOCALES as readonly string[]).includes(candidate.language)) {
      return candidate.language as Locale;
    }
  }
  return DEFAULT_LOCALE;
}

/** Replaces `{name}` placeholders with values. */
export function interpolate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    params[name] === undefined ? match : String(params[name]),
  );
}
