// Local Network Access (Chromium's successor of Private Network Access): a page may reach a more
// private address space (public → local network or loopback, local → loopback) only from a secure
// context and with the "local network access" permission. Chromium decides it when it connects,
// before any header is exchanged, so the verdict rests on the error webRequest reports:
// net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS for the request itself, or, for a preflighted
// request, a bare net::ERR_FAILED on a preflight that got no response (Chromium 156 reports the
// preflight's headers as sent, then that error; CDP names it the LNA error).
import type { ObservedCall, ObservedHop } from '../observed-call';
import { addressSpaceOfIp, addressSpaceOfUrl, isSecureOrigin, type AddressSpace } from './address-space';
import { CORS_CODES } from './codes';
import { formatMessage } from './explanations';
import { LOCAL_NETWORK_ASSUMPTIONS, TARGET_SPACE_TEXTS, type LocalNetworkCode } from './local-network-explanations';
import { parseUrl } from './url';
import type { Verdict } from './types';

export const ERR_BLOCKED_BY_LOCAL_NETWORK = 'net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS';
const ERR_FAILED = 'net::ERR_FAILED';

export interface LocalNetworkBlock {
  readonly code: LocalNetworkCode;
  readonly phase: 'preflight' | 'actual';
  readonly hopIndex: number;
  /** The target's space when the URL or a response of this call tells it. */
  readonly targetSpace: Exclude<AddressSpace, 'public'> | null;
  /** Read from a preflight that ended with net::ERR_FAILED and no response, not from the LNA error. */
  readonly inferred: boolean;
}

/** A preflight that got no response and failed with the bare error of a CORS block: a network
 * failure would carry its own net error. */
function stoppedPreflight(hop: ObservedHop): boolean {
  const pf = hop.preflight;
  return pf !== null && pf.response === null && (pf.error === ERR_FAILED || pf.error === ERR_BLOCKED_BY_LOCAL_NETWORK);
}

function targetSpace(call: ObservedCall, hop: ObservedHop): LocalNetworkBlock['targetSpace'] {
  const host = parseUrl(hop.url)?.host;
  const seen = call.hops.find((h) => h.response?.ip != null && parseUrl(h.url)?.host === host)?.response?.ip ?? null;
  const space = addressSpaceOfUrl(hop.url) ?? (seen === null ? null : addressSpaceOfIp(seen));
  return space === 'public' ? null : space;
}

export function findLocalNetworkBlock(call: ObservedCall): LocalNetworkBlock | null {
  if (call.state !== 'errored') return null;
  const hopIndex = call.hops.length - 1;
  const hop = call.hops[hopIndex];
  if (hop === undefined) return null;
  const stopped = stoppedPreflight(hop);
  const blocked = call.error === ERR_BLOCKED_BY_LOCAL_NETWORK || (stopped && call.error === ERR_FAILED && hop.requestHeaders === null && hop.response === null);
  if (!blocked) return null;
  return {
    code: isSecureOrigin(call.initiator) ? 'LocalNetworkAccessPermissionDenied' : 'InsecureLocalNetwork',
    phase: stopped ? 'preflight' : 'actual',
    hopIndex,
    targetSpace: targetSpace(call, hop),
    inferred: call.error !== ERR_BLOCKED_BY_LOCAL_NETWORK && hop.preflight?.error !== ERR_BLOCKED_BY_LOCAL_NETWORK,
  };
}

export function localNetworkVerdict(call: ObservedCall, block: LocalNetworkBlock): Verdict {
  const hop = call.hops[block.hopIndex];
  const url = hop?.url ?? '';
  const params = {
    url,
    host: parseUrl(url)?.host || url,
    origin: call.initiator,
    targetSpace: TARGET_SPACE_TEXTS[block.targetSpace ?? 'unknown'],
  };
  const text = CORS_CODES[block.code].text;
  return {
    outcome: 'blocked',
    corsError: { code: block.code, failedParameter: '' },
    failedParameterCandidates: null,
    networkError: call.error,
    phase: block.phase,
    hopIndex: block.hopIndex,
    header: null,
    explanation: formatMessage(text.why, params),
    fix: formatMessage(text.fix, params),
    warnings: [],
    credentials: 'unknown',
    assumptions: [
      ...(block.inferred ? [LOCAL_NETWORK_ASSUMPTIONS.preflightStopped] : []),
      LOCAL_NETWORK_ASSUMPTIONS.secureContextFromOrigin,
    ],
    preflight: block.phase === 'preflight' ? { required: true, status: null, fromCache: false } : null,
  };
}
