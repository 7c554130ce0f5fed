// Which network addresses a remote image may be fetched from: public unicast only. Loopback, private,
// link-local, CGNAT, unspecified, multicast, broadcast, reserved and documentation ranges are refused,
// and so are IPv6 forms that carry an IPv4 address inside (::ffff:127.0.0.1, NAT64 64:ff9b::/96,
// 6to4 2002::/16, Teredo 2001::/32) when the address inside is not public. Parsing is ipaddr.js.
import ipaddr from 'ipaddr.js';

/** How ipaddr.js names a range, said for a user. */
const RANGE_NAMES: Record<string, string> = {
  unspecified: 'the unspecified address',
  broadcast: 'the broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address',
  loopback: 'a loopback address (this machine)',
  carrierGradeNat: 'a carrier-grade NAT address (100.64.0.0/10)',
  private: 'a private network address',
  uniqueLocal: 'a private network address (unique local, fc00::/7)',
  deprecatedSiteLocal: 'a site-local address',
  reserved: 'a reserved or documentation address',
  benchmarking: 'a benchmarking address',
  discard: 'a discard-only address',
};

/**
 * Why `address` (an IPv4 or IPv6 literal, as DNS returns it) is not a public address a fetch may
 * connect to; undefined when it is one.
 */
export function addressProblem(address: string): string | undefined {
  const bare = address.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  if (!ipaddr.isValid(bare)) return 'not an IP address';
  const ip = ipaddr.parse(bare);
  if (ip.kind() === 'ipv4') {
    const range = ip.range();
    return range === 'unicast' ? undefined : (RANGE_NAMES[range] ?? `a special-purpose address (${range})`);
  }
  const v6 = ip as ipaddr.IPv6;
  const range = v6.range();
  const bytes = v6.toByteArray();
  const inner = (at: number, invert = false) => {
    const b = bytes.slice(at, at + 4).map((x) => (invert ? x ^ 0xff : x));
    return b.join('.');
  };
  const embedded = (form: string, v4s: string[]): string | undefined => {
    for (const v4 of v4s) {
      const why = addressProblem(v4);
      if (why) return `${form} holding ${v4}, ${why}`;
    }
    return undefined;
  };
  switch (range) {
    case 'ipv4Mapped':
    case 'rfc6145':
      return embedded('an IPv4-mapped address', [inner(12)]);
    case 'rfc6052':
      // 64:ff9b::/96 (well-known NAT64 prefix) embeds the IPv4 address in the last 32 bits; the local-use
      // prefix 64:ff9b:1::/48 translates into the operator's own network.
      if (bytes[4] === 0 && bytes[5] === 1) return 'a local-use NAT64 address (64:ff9b:1::/48)';
      return embedded('a NAT64 address', [inner(12)]);
    case '6to4':
      return embedded('a 6to4 address', [inner(2)]);
    case 'teredo':
      // Server address in bits 32–63; the client's address, inverted, in the last 32 bits.
      return embedded('a Teredo address', [inner(4), inner(12, true)]);
    case 'unicast':
      // Global unicast is 2000::/3; anything else unassigned is not a place to fetch from.
      return (bytes[0]! & 0xe0) === 0x20 ? undefined : 'an unassigned IPv6 address';
    default:
      return RANGE_NAMES[range] ?? `a special-purpose address (${range})`;
  }
}

/** Whether `address` is in one of `ranges` (addresses or CIDR ranges, IPv4 or IPv6; IPv4-mapped IPv6 counts as IPv4). */
export function addressInRanges(address: string, ranges: readonly string[]): boolean {
  const bare = address.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  if (!ipaddr.isValid(bare)) return false;
  const ip = ipaddr.process(bare);
  return ranges.some((r) => {
    const [base, bits] = r.includes('/') ? ipaddr.parseCIDR(r) : ((p) => [p, p.kind() === 'ipv4' ? 32 : 128] as const)(ipaddr.process(r));
    return ip.kind() === base.kind() && ip.match(base, bits);
  });
}
