// What CORS Lens says about a Local Network Access block, as data (see explanations.ts for the
// placeholders). These calls never reached the server, so the texts steer away from headers.
import type { AddressSpace } from './address-space';

export type LocalNetworkCode = 'InsecureLocalNetwork' | 'LocalNetworkAccessPermissionDenied';

const NOT_HEADERS =
  'This is Local Network Access, not a CORS header problem: the request never reached the server, so no response header can change the outcome.';

export const LOCAL_NETWORK_TEXTS = {
  InsecureLocalNetwork: {
    why: `Chromium stopped the request to {url} before sending it: the page {origin} is not a secure context (plain http), and {host} is {targetSpace}, more private than the page's own address space (a public page calling a local or loopback address). ${NOT_HEADERS}`,
    fix: 'Serve the page over HTTPS: Chromium then asks the user for the "local network access" permission and sends the request once it is granted. Or move the API to a public address. While developing, open the page from http://localhost (a secure context on loopback itself), or serve it over HTTPS and allow "Local network access" in the site settings; managed browsers can list the page in the LocalNetworkAccessAllowedForUrls policy.',
  },
  LocalNetworkAccessPermissionDenied: {
    why: `Chromium refused the request to {url} before sending it: {host} is {targetSpace}, more private than the address space of the page {origin}, and {origin} has not been granted the "local network access" permission (denied, dismissed, or refused without a prompt as in headless Chromium). ${NOT_HEADERS}`,
    fix: 'Let the user grant "local network access" to {origin} (the prompt, or the site settings), or move the API to a public address. While developing, allow the permission in the site settings (in automated tests: CDP Browser.grantPermissions with loopbackNetwork); managed browsers can list the page in the LocalNetworkAccessAllowedForUrls policy.',
  },
} as const satisfies Record<LocalNetworkCode, { readonly why: string; readonly fix: string }>;

export const TARGET_SPACE_TEXTS = {
  loopback: 'a loopback address (this device)',
  local: 'a local-network address',
  unknown: 'a local-network or loopback address (Chromium resolved it to one; webRequest does not report the address of a blocked request)',
} as const satisfies Record<Exclude<AddressSpace, 'public'> | 'unknown', string>;

export const LOCAL_NETWORK_ASSUMPTIONS = {
  preflightStopped:
    'webRequest reported only net::ERR_FAILED and no response for the preflight: that is how a preflight stopped by Local Network Access shows there (over CDP its error is net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS).',
  secureContextFromOrigin:
    'Whether the page is a secure context is read from its origin (https, or http on a loopback name); a page inside a frame of a non-secure page is not one, whatever its own origin.',
} as const;
