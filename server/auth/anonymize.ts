// What the audit log may keep about a client (GDPR data minimisation): the IP
// cut to its network (IPv4 /24, IPv6 /48), done before anything is stored, and
// a coarse browser class instead of the full user agent.
import { isIPv4, isIPv6 } from 'node:net';

export function anonymizeIp(ip: string): string | null {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  const address = mapped ?? ip;
  if (isIPv4(address)) return address.replace(/\.\d+$/, '.0');
  if (!isIPv6(address)) return null;
  // The URL parser writes the canonical (RFC 5952) form: `2001:db8::`, not `2001:db8:0::`.
  return new URL(`http://[${expandIpv6(address).slice(0, 3).join(':')}::]`).hostname.slice(1, -1);
}

/** The eight 16-bit groups of an IPv6 address, without leading zeros. */
function expandIpv6(ip: string): string[] {
  const [head = '', tail] = ip.replace(/%.*$/, '').split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = Array<string>(8 - left.length - right.length).fill('0');
  const groups = tail === undefined ? left : [...left, ...zeros, ...right];
  return groups.map((g) => parseInt(g, 16).toString(16));
}

export function userAgentClass(ua: string | undefined): string {
  if (!ua) return 'none';
  if (/\b(Edg|EdgA|EdgiOS)\//.test(ua)) return 'edge';
  if (/\bFirefox\/|\bFxiOS\//.test(ua)) return 'firefox';
  if (/\bChrom(e|ium)\/|\bCriOS\//.test(ua)) return 'chrome';
  if (/\bSafari\//.test(ua)) return 'safari';
  if (/\b(curl|Wget|node|undici|python|Go-http-client)/i.test(ua)) return 'script';
  return 'other';
}
