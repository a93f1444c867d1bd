import { describe, expect, it } from 'vitest';
import { REDACTED } from '../../lib/redact-query.ts';
import { httpPrivacyOverrides, redisStatement } from './span-privacy.ts';

describe('span privacy', () => {
  it('cuts client addresses to their network and redacts URLs with a query', () => {
    expect(
      httpPrivacyOverrides({
        'client.address': '203.0.113.77',
        'network.peer.address': '2001:db8:abcd:12::1',
        'url.query': 'q=Max',
        'url.full': 'http://127.0.0.1:9000/bucket/key?X-Amz-Signature=secret',
        'url.path': '/api/v1/search',
        'http.request.method': 'GET',
      }),
    ).toEqual({
      'client.address': '203.0.113.0',
      'network.peer.address': '2001:db8:abcd::',
      'url.query': `q=${REDACTED}`,
      'url.full': `http://127.0.0.1:9000/bucket/key?X-Amz-Signature=${REDACTED}`,
    });
  });

  it('replaces what is not an address, and leaves spans without personal attributes alone', () => {
    expect(httpPrivacyOverrides({ 'client.address': 'unknown' })).toEqual({ 'client.address': REDACTED });
    expect(httpPrivacyOverrides({ 'url.full': 'http://s3:9000/bucket/key', 'url.path': '/x' })).toEqual({});
  });

  it('records a Redis command by its name only', () => {
    expect(redisStatement('evalsha')).toBe('evalsha');
  });
});
