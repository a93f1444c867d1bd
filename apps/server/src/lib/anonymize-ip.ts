import { isIP } from 'node:net';

/** 16-bit groups of an IPv6 address that {@link anonymizeIp} keeps: the /48 routing prefix of one site. */
const IPV6_KEPT_GROUPS = 3;

/**
 * Cuts an IP address down to its network so that stored logs cannot single out a person
 * (GDPR data minimisation): IPv4 keeps its /24 (`203.0.113.77` → `203.0.113.0`), IPv6 its /48
 * (`2001:db8:abcd:12::1` → `2001:db8:abcd::`). An IPv4-mapped IPv6 address (`::ffff:1.2.3.4`,
 * what a dual-stack socket reports for IPv4 clients) is treated as the IPv4 address it carries.
 * Anything that is not a valid address yields null, so garbage never reaches the database.
 */
export function anonymizeIp(ip: string | undefined | null): string | null {
  if (!ip) {
    return null;
  }
  const version = isIP(ip);
  if (version === 4) {
    return anonymizeIpv4(ip.split('.').map(Number));
  }
  if (version !== 6) {
    return null;
  }
  const groups = parseIpv6(ip);
  if (isIpv4Mapped(groups)) {
    const high = groups[6] ?? 0;
    const low = groups[7] ?? 0;
    return anonymizeIpv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  }
  return formatIpv6(groups.map((group, index) => (index < IPV6_KEPT_GROUPS ? group : 0)));
}

function anonymizeIpv4(octets: number[]): string {
  return [...octets.slice(0, 3), 0].join('.');
}

/** `::ffff:0:0/96`: the first 80 bits zero, then 16 bits of ones. */
function isIpv4Mapped(groups: number[]): boolean {
  return groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
}

/** The eight 16-bit groups of an address `isIP` has already accepted as IPv6. */
function parseIpv6(ip: string): number[] {
  // A zone index (`fe80::1%eth0`) names a local interface, not part of the address.
  const address = ip.split('%', 1)[0] ?? '';
  const toGroups = (part: string): number[] => {
    if (part === '') {
      return [];
    }
    return part.split(':').flatMap((piece) => {
      if (!piece.includes('.')) {
        return [Number.parseInt(piece, 16)];
      }
      // A dotted IPv4 tail (`::ffff:1.2.3.4`) fills the last two groups.
      const [a = 0, b = 0, c = 0, d = 0] = piece.split('.').map(Number);
      return [(a << 8) | b, (c << 8) | d];
    });
  };
  const [head = '', tail] = address.split('::');
  const headGroups = toGroups(head);
  if (tail === undefined) {
    return headGroups;
  }
  const tailGroups = toGroups(tail);
  const zeros = new Array<number>(8 - headGroups.length - tailGroups.length).fill(0);
  return [...headGroups, ...zeros, ...tailGroups];
}

/** RFC 5952 text form: lower-case hex, no leading zeros, the longest run of 2+ zero groups as `::`. */
function formatIpv6(groups: number[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < groups.length; ) {
    if (groups[start] !== 0) {
      start++;
      continue;
    }
    let end = start;
    while (end < groups.length && groups[end] === 0) {
      end++;
    }
    if (end - start > bestLength) {
      bestStart = start;
      bestLength = end - start;
    }
    start = end;
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart < 0) {
    return hex.join(':');
  }
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}
