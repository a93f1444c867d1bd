import { BlockList, isIP } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anonymizeIp } from './anonymize-ip.ts';

describe('anonymizeIp', () => {
  it.each([
    ['203.0.113.77', '203.0.113.0'],
    ['10.0.0.0', '10.0.0.0'],
    ['255.255.255.255', '255.255.255.0'],
    ['2001:db8:abcd:12:3456:789a:bcde:f012', '2001:db8:abcd::'],
    ['2001:DB8:ABCD::1', '2001:db8:abcd::'],
    ['2001:0db8:0000:0001::1', '2001:db8::'],
    ['2001:db8::', '2001:db8::'],
    ['::1', '::'],
    ['::', '::'],
    ['fe80::1%eth0', 'fe80::'],
    ['64:ff9b::192.0.2.33', '64:ff9b::'],
    ['::ffff:1.2.3.4', '1.2.3.0'],
    ['::FFFF:198.51.100.200', '198.51.100.0'],
    ['::ffff:c633:64c8', '198.51.100.0'],
  ])('%s → %s', (input, expected) => {
    expect(anonymizeIp(input)).toBe(expected);
  });

  it.each([
    undefined,
    null,
    '',
    'localhost',
    '1.2.3',
    '1.2.3.256',
    '01.2.3.4',
    ' 1.2.3.4',
    '1.2.3.4/24',
    '[::1]',
    '2001:db8::1::2',
  ])('rejects %j', (input) => {
    expect(anonymizeIp(input)).toBeNull();
  });

  it('keeps the first three octets of IPv4 and never the last one', () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        const octets = ip.split('.');
        const result = anonymizeIp(ip);
        expect(result).toBe(`${octets.slice(0, 3).join('.')}.0`);
        if (octets[3] !== '0') {
          expect(result?.split('.')[3]).not.toBe(octets[3]);
        }
      }),
    );
  });

  it('keeps the /24 of IPv4-mapped IPv6', () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        expect(anonymizeIp(`::ffff:${ip}`)).toBe(anonymizeIp(ip));
      }),
    );
  });

  it('reduces IPv6 to a valid address with only its first 48 bits', () => {
    fc.assert(
      fc.property(fc.ipV6(), (ip) => {
        const result = anonymizeIp(ip);
        expect(result).not.toBeNull();
        expect(isIP(result ?? '')).toBeGreaterThan(0);
        if (!result?.includes(':')) {
          return;
        }
        // Node's own subnet matcher is the independent oracle: the input lies in result/48 ...
        const network = new BlockList();
        network.addSubnet(result, 48, 'ipv6');
        expect(network.check(ip, 'ipv6')).toBe(true);
        // ... and result is that network's first address in canonical (WHATWG/RFC 5952) text form.
        expect(result.endsWith('::')).toBe(true);
        expect(new URL(`http://[${result}]/`).hostname).toBe(`[${result}]`);
      }),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6(), fc.string()), (ip) => {
        const once = anonymizeIp(ip);
        expect(anonymizeIp(once)).toBe(once);
      }),
    );
  });
});
