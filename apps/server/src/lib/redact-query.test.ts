import { describe, expect, it } from 'vitest';
import { REDACTED, redactQuery, redactUrl } from './redact-query.ts';

describe('redactQuery / redactUrl', () => {
  it('drops query values but keeps the parameter names', () => {
    expect(redactQuery('q=Erika+Mustermann&page=2')).toBe(`q=${REDACTED}&page=${REDACTED}`);
    expect(redactQuery('flag&x=')).toBe(`flag&x=${REDACTED}`);
    expect(redactQuery('')).toBe('');
  });

  it('redacts only the query of a URL or path, keeping the fragment', () => {
    expect(redactUrl('https://nano.example.org/passwort?token=abc123#top')).toBe(
      `https://nano.example.org/passwort?token=${REDACTED}#top`,
    );
    expect(redactUrl('/api/v1/search?q=Max')).toBe(`/api/v1/search?q=${REDACTED}`);
    expect(redactUrl('/nanos/a=b')).toBe('/nanos/a=b');
    expect(redactUrl('/plain#a=b')).toBe('/plain#a=b');
    expect(redactUrl('/x?')).toBe('/x?');
  });
});
