// What CORS Lens says about a Local Network Access block besides the code's own texts (those are in
// its row of codes.ts; see explanations.ts for the placeholders).
import type { AddressSpace } from './address-space';

export type LocalNetworkCode = 'InsecureLocalNetwork' | 'LocalNetworkAccessPermissionDenied';

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
