// "Try this fix": which response headers a trial rule would set for one observed call, or why no
// header change can make it pass. Starts from serverFixFor, the same minimal configuration the
// "Fix on your server" snippets come from, so a trial proves exactly what the snippet sends.
import { CORS_CODES } from '../cors/codes';
import { lowerAscii } from '../cors/headers';
import { assertNever, type Verdict } from '../cors/types';
import { serverFixFor, type ServerCorsConfig } from '../fixes/server-config';
import type { ObservedCall, ObservedHop } from '../observed-call';
import { trialUrlPattern, type TrialScope } from './url-pattern';
import type { HeaderChange } from './trial-mark';

export interface TrialPlan {
  /** The URL whose responses the trial changes: the hop that failed. */
  readonly url: string;
  readonly scope: TrialScope;
  readonly urlPattern: string;
  /** The actual request's method, as sent. */
  readonly method: string;
  /** webRequest/DNR resource type of the call (a preflight has its actual request's type). */
  readonly resourceType: string;
  readonly preflight: boolean;
  readonly preflightChanges: readonly HeaderChange[];
  readonly responseChanges: readonly HeaderChange[];
  /** The server configuration the changes stand for, for the snippets. */
  readonly config: ServerCorsConfig;
}

export type TrialRefusalCode =
  | 'pending'
  | 'already-allowed'
  | 'network-error'
  | 'ended-by-page'
  | 'not-fixable-by-headers'
  | 'preflight-status'
  | 'preflight-redirect'
  | 'no-header-fix'
  | 'unsupported-request'
  | 'worker-call'
  | 'credentialed-null-origin';

export type TrialDecision =
  | { readonly ok: true; readonly plan: TrialPlan }
  | { readonly ok: false; readonly code: TrialRefusalCode; readonly reason: string };

/** declarativeNetRequest ResourceType names; webRequest uses the same ones. */
const DNR_RESOURCE_TYPES: ReadonlySet<string> = new Set([
  'main_frame',
  'sub_frame',
  'stylesheet',
  'script',
  'image',
  'font',
  'object',
  'xmlhttprequest',
  'ping',
  'csp_report',
  'media',
  'websocket',
  'webtransport',
  'webbundle',
  'other',
]);

/** Chromium keeps a passed preflight for 5 s without Max-Age, for every tab. 0 keeps a trial's
 * preflight out of that shared cache, so no other tab and no later request rides on it. */
export const TRIAL_ONLY_CHANGES: readonly HeaderChange[] = [
  { header: 'access-control-max-age', operation: 'set', value: '0' },
];

function refuse(code: TrialRefusalCode, reason: string): TrialDecision {
  return { ok: false, code, reason };
}

export function planTrial(call: ObservedCall, verdict: Verdict, scope: TrialScope = 'exact-url'): TrialDecision {
  switch (verdict.outcome) {
    case 'pending':
      return refuse('pending', 'The call is still in flight; try again once it has finished.');
    case 'allowed':
      return refuse('already-allowed', 'Chromium already allowed this call; there is nothing to try.');
    case 'failed':
      return refuse(
        'network-error',
        `The request failed below CORS (${verdict.networkError ?? 'a network error'}); no response header can change that.`,
      );
    case 'ended-by-page':
      return refuse('ended-by-page', 'The page ended this call itself, not CORS; no response header can change that.');
    case 'blocked':
      break;
    default:
      return assertNever(verdict.outcome);
  }
  if (call.caller !== undefined) {
    // Chromium gives a worker's requests no tab, and trial rules are bound to the tab.
    return refuse('worker-call', 'A worker made this call, not the page: Chromium ties its requests to no tab, and a trial rule only changes this tab\'s requests. Change the server and reload instead.');
  }
  const hop = call.hops[verdict.hopIndex ?? call.hops.length - 1];
  const preflightRefusal = hop === undefined ? null : refusePreflight(hop);
  if (preflightRefusal !== null) return preflightRefusal;
  const config = serverFixFor(call, verdict);
  if (config === null) {
    const code = verdict.corsError?.code;
    return refuse(
      code === undefined ? 'no-header-fix' : 'not-fixable-by-headers',
      code === undefined
        ? 'CORS Lens cannot tell which header to change for this call.'
        : `${code} is not fixed by response headers (${verdict.fix || 'see the explanation above'}), so a trial rule cannot show it passing.`,
    );
  }
  if (config.credentials && config.origin === 'null') {
    // Allow-Origin: null with Allow-Credentials serves every opaque origin, and a DNR rule cannot
    // tell this page from any other sandboxed or data: frame in the tab (they have no domain).
    return refuse(
      'credentialed-null-origin',
      'This page has an opaque origin (Origin: null: a sandboxed frame or a data: URL) and the call carried credentials. A rule allowing null with credentials would let every sandboxed or data: frame in this tab, an ad for instance, read this response sent with your cookies, and Chromium cannot limit the rule to this page. Serve the page from a real origin, or call without credentials.',
    );
  }
  if (!DNR_RESOURCE_TYPES.has(call.type)) {
    return refuse('unsupported-request', `Chromium's rules cannot target requests of type "${call.type}".`);
  }
  const urlPattern = trialUrlPattern(config.url, scope);
  if (urlPattern === null) return refuse('unsupported-request', 'Only http and https URLs can be trialled.');
  return {
    ok: true,
    plan: {
      url: config.url,
      scope,
      urlPattern,
      method: call.method,
      resourceType: call.type,
      preflight: config.handlePreflight,
      preflightChanges: config.handlePreflight ? preflightChanges(config, verdict) : [],
      responseChanges: responseChanges(config),
      config,
    },
  };
}

/** DNR changes headers, never the status code or a redirect, so such preflights stay failed. */
function refusePreflight(hop: ObservedHop): TrialDecision | null {
  const status = hop.preflight?.response?.status;
  if (status === undefined || (status >= 200 && status < 300)) return null;
  if (status >= 300 && status < 400) {
    return refuse(
      'preflight-redirect',
      `The server redirected the preflight (OPTIONS answered ${status}). Chromium never follows a preflight redirect and a trial rule cannot change a status code: answer OPTIONS at this URL with 204, or call the redirect's target directly.`,
    );
  }
  return refuse(
    'preflight-status',
    `The server answered the preflight (OPTIONS) with ${status}. A trial rule can change headers but not status codes, so the preflight would still fail: make the server answer OPTIONS with 204 (before any authentication).`,
  );
}

function originChanges(config: ServerCorsConfig): HeaderChange[] {
  return [
    { header: 'access-control-allow-origin', operation: 'set', value: config.origin },
    ...(config.credentials ? [{ header: 'access-control-allow-credentials', operation: 'set' as const, value: 'true' }] : []),
  ];
}

function responseChanges(config: ServerCorsConfig): HeaderChange[] {
  return [...originChanges(config), { header: 'vary', operation: 'append', value: 'Origin' }];
}

function preflightChanges(config: ServerCorsConfig, verdict: Verdict): HeaderChange[] {
  const code = verdict.corsError?.code;
  const removable = code === undefined ? null : CORS_CODES[code].trialRemoves;
  const out = originChanges(config);
  if (config.methods.length > 0) out.push({ header: 'access-control-allow-methods', operation: 'set', value: config.methods.join(', ') });
  // Nothing needs listing, but what the server sent does not parse: dropping it is the fix.
  else if (removable === 'access-control-allow-methods') out.push({ header: removable, operation: 'remove', value: '' });
  if (config.allowHeaders.length > 0) out.push({ header: 'access-control-allow-headers', operation: 'set', value: config.allowHeaders.join(', ') });
  else if (removable === 'access-control-allow-headers') out.push({ header: removable, operation: 'remove', value: '' });
  return [...out, ...TRIAL_ONLY_CHANGES];
}

/** A header name as shown to people: `access-control-allow-origin` → `Access-Control-Allow-Origin`. */
export function displayHeaderName(lowerName: string): string {
  return lowerAscii(lowerName).replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
}
