// The address spaces of Local Network Access, ordered from most to least private: loopback (this
// device), local (a private or link-local network) and public. Chromium judges a request by the
// space of the address it connects to; webRequest reports that address only for a response.
import { parseUrl } from './url';

export type AddressSpace = 'loopback' | 'local' | 'public';

function ipv4Octets(ip: string): number[] | null {
  const parts = ip.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  const octets = parts.map(Number);
  return octets.every((o) => o <= 255) ? octets : null;
}

function ipv4Space([a = 0, b = 0]: readonly number[]): AddressSpace {
  if (a === 127) return 'loopback';
  // RFC 1918, link-local (RFC 3927), carrier-grade NAT (RFC 6598) and "this network".
  if (a === 10 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254)) return 'local';
  if (a === 100 && b >= 64 && b <= 127) return 'local';
  return 'public';
}

function ipv6Space(ip: string): AddressSpace | null {
  const lower = ip.toLowerCase();
  if (!/^[0-9a-f:.]+$/.test(lower) || !lower.includes(':')) return null;
  if (lower === '::1') return 'loopback';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped?.[1] !== undefined) return addressSpaceOfIp(mapped[1]);
  // Unique local (fc00::/7) and link-local (fe80::/10).
  if (/^f[cd][0-9a-f]{0,2}:/.test(lower) || /^fe[89ab][0-9a-f]?:/.test(lower)) return 'local';
  return 'public';
}

/** The space of an IP address as webRequest reports it (`127.0.0.1`, `::1`); null if not an IP. */
export function addressSpaceOfIp(ip: string): AddressSpace | null {
  const octets = ipv4Octets(ip);
  if (octets !== null) return ipv4Space(octets);
  return ipv6Space(ip.replace(/^\[|\]$/g, ''));
}

/** What the URL alone tells: an IP literal, `localhost` (Chromium never resolves it elsewhere) or
 * a `.local` (mDNS) name. null for every other name: only the resolved address would tell. */
export function addressSpaceOfUrl(url: string): AddressSpace | null {
  const host = parseUrl(url)?.host ?? '';
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  if (host.endsWith('.local')) return 'local';
  return addressSpaceOfIp(host);
}

/** A potentially trustworthy origin (a secure context's): https, wss, or loopback by name or IP. */
export function isSecureOrigin(origin: string): boolean {
  const url = parseUrl(origin);
  if (url === null) return false;
  if (url.scheme === 'https' || url.scheme === 'wss') return true;
  return url.scheme === 'http' && addressSpaceOfUrl(origin) === 'loopback';
}
