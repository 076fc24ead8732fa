// Turns one ObservedCall into a Verdict: replays Chromium's CORS checks hop by hop over the headers
// seen on the wire and names the first failure as Chromium would. webRequest reports every CORS
// block as a bare net::ERR_FAILED and never reports the credentials mode, so the checker runs the
// checks under both modes and keeps the one consistent with how far the request actually got.
// Total: every helper is written so it cannot throw, whatever the strings contain.
import { isComplete, type ObservedCall, type ObservedHop, type ObservedResponse } from '../observed-call';
import { withTrialHeaders } from '../trial/effective-headers';
import { TRIAL_CALL_NOTE } from '../trial/trial-mark';
import { checkAccess } from './check-access';
import { checkPreflightHeaders, readPreflightHeaders, type PreflightHeaders } from './check-preflight';
import { readCorsRequestHeaders, readCorsResponseHeaders, type CorsRequestHeaders, type CorsResponseHeaders } from './cors-headers';
import { classifyFromPreflight, classifyRequest, type RequestClass } from './classify-request';
import { CORS_CODES } from './codes';
import {
  ASSUMPTION_TEXTS,
  displayValue,
  FRAGMENTS,
  formatMessage,
  nameList,
  netErrorText,
  STATUS_TEXTS,
  WARNING_TEXTS,
  type Explanation,
  type MessageParams,
} from './explanations';
import { isToken, listHasToken, lowerAscii } from './headers';
import { findLocalNetworkBlock, localNetworkVerdict } from './local-network';
import {
  checkRedirectLocation,
  methodAfterRedirect,
  redirectTarget,
  taintsOrigin,
  type RedirectTarget,
} from './redirects';
import type { CorsError, CorsWarning, CredentialsKnowledge, FaultyHeader, Verdict, WarningCode } from './types';
import { isHttpScheme, isSameOrigin, parseUrl, type ParsedUrl } from './url';

const ERR_FAILED = 'net::ERR_FAILED';
const ERR_ABORTED = 'net::ERR_ABORTED';

/** What the checks need to know about one hop, computed once and shared by both credentials modes. */
interface HopFacts {
  readonly index: number;
  readonly hop: ObservedHop;
  readonly url: ParsedUrl | null;
  readonly responseIsHttp: boolean;
  /** Chromium's CORS flag: this or an earlier URL was cross-origin to the page. It never clears. */
  readonly corsFlag: boolean;
  /** An earlier redirect tainted the origin, so this hop is checked against `null`. */
  readonly tainted: boolean;
  /** The origin this hop's responses are checked against. */
  readonly origin: string;
  readonly method: string;
  readonly request: RequestClass;
  /** Method and unsafe headers came from the preflight's Access-Control-Request-* headers. */
  readonly requestFromPreflight: boolean;
  /** The actual request of this hop reached the network. */
  readonly sent: boolean;
  readonly redirect: RedirectTarget | null;
  /** A 304 answering a revalidation, which Chromium does not CORS-check. */
  readonly revalidation304: boolean;
  /** What this hop's request headers say; null when they were not recorded. */
  readonly requestHeaders: CorsRequestHeaders | null;
  /** The CORS headers of the response and of the preflight response, read once for every check. */
  readonly responseHeaders: CorsResponseHeaders | null;
  readonly preflightResponseHeaders: PreflightHeaders | null;
}

interface CallFacts {
  readonly call: ObservedCall;
  readonly initiator: ParsedUrl | null;
  readonly hops: readonly HopFacts[];
}

type Stage = 'start' | 'preflight' | 'response' | 'location';

interface Failure {
  readonly code: CorsError;
  readonly failedParameter: string;
  readonly stage: Stage;
  readonly hopIndex: number;
  readonly header: FaultyHeader | null;
  readonly missingHeaders: readonly string[];
  /** Redirect target, for redirect-related codes. */
  readonly location: string | null;
}

interface WarningHit {
  readonly code: WarningCode;
  readonly params: MessageParams;
}

interface Evaluation {
  readonly failure: Failure | null;
  readonly warnings: readonly WarningHit[];
}

function collectFacts(call: ObservedCall): CallFacts {
  const initiator = parseUrl(call.initiator);
  const hops: HopFacts[] = [];
  let corsFlag = false;
  let tainted = false;
  let method = call.method;
  const urls = call.hops.map((hop) => parseUrl(hop.url));
  for (let index = 0; index < call.hops.length; index++) {
    const hop = call.hops[index] as ObservedHop;
    const url = urls[index] ?? null;
    corsFlag = corsFlag || !isSameOrigin(initiator, url);
    const preflightRequest = hop.preflight === null ? null : readCorsRequestHeaders(hop.preflight.requestHeaders);
    // Chromium computed Access-Control-Request-*, so they beat our reading of the request headers.
    const preflightMethod = preflightRequest?.requestMethod ?? null;
    const hopMethod = preflightMethod ?? method;
    const request =
      preflightMethod !== null
        ? classifyFromPreflight(hopMethod, preflightRequest?.requestHeaders ?? null)
        : classifyRequest(hopMethod, hop.requestHeaders ?? []);
    const requestHeaders = hop.requestHeaders === null ? null : readCorsRequestHeaders(hop.requestHeaders);
    const responseHeaders = hop.response === null ? null : readCorsResponseHeaders(hop.response.headers);
    const preflightResponse = hop.preflight?.response ?? null;
    const redirect = redirectTarget(hop);
    const status = hop.response?.status ?? 0;
    hops.push({
      index,
      hop,
      url,
      responseIsHttp: url === null || isHttpScheme(url),
      corsFlag,
      tainted,
      origin: tainted ? 'null' : call.initiator,
      method: hopMethod,
      request,
      requestFromPreflight: preflightMethod !== null,
      sent: hop.requestHeaders !== null || hop.response !== null,
      redirect,
      revalidation304: status === 304 && requestHeaders !== null && requestHeaders.revalidates,
      requestHeaders,
      responseHeaders,
      preflightResponseHeaders: preflightResponse === null ? null : readPreflightHeaders(preflightResponse.headers),
    });
    if (redirect !== null) {
      const next = index + 1 < urls.length ? (urls[index + 1] ?? null) : redirect.parsed;
      if (taintsOrigin(initiator, url, next)) tainted = true;
      method = methodAfterRedirect(hopMethod, status);
    }
  }
  return { call, initiator, hops };
}

function addWarning(warnings: WarningHit[], code: WarningCode, params: MessageParams = {}): void {
  if (!warnings.some((w) => w.code === code)) warnings.push({ code, params });
}

// Fragile-but-working configurations on the response the page finally read.
function responseWarnings(warnings: WarningHit[], headers: CorsResponseHeaders, origin: string): void {
  const allowOrigin = headers.allowOrigin;
  if (allowOrigin === null || allowOrigin === '*') return;
  if (allowOrigin === 'null') addWarning(warnings, 'NullOriginAllowed');
  else if (allowOrigin === origin && headers.allowCredentials === 'true') {
    addWarning(warnings, 'OriginReflectedWithCredentials', { origin });
  }
  const vary = headers.vary;
  if (!listHasToken(vary, 'origin') && !listHasToken(vary, '*')) {
    addWarning(warnings, 'MissingVaryOrigin', { value: displayValue(allowOrigin) });
  }
}

// Custom `X-` headers are the ones pages usually mean to read (request ids, rate limits, paging);
// these common ones are meant for the browser or are noise, not for script.
const NOT_FOR_SCRIPT: ReadonlySet<string> = new Set([
  'x-powered-by',
  'x-content-type-options',
  'x-frame-options',
  'x-xss-protection',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-permitted-cross-domain-policies',
]);

/** Custom headers the page cannot read because Access-Control-Expose-Headers leaves them out. */
function exposureWarnings(
  warnings: WarningHit[],
  response: ObservedResponse,
  headers: CorsResponseHeaders,
  credentialsInclude: boolean,
): void {
  const exposed = headers.exposeHeaders;
  if (!credentialsInclude && listHasToken(exposed, '*')) return;
  const hidden: string[] = [];
  for (const { name } of response.headers) {
    if (!startsWithXDash(name)) continue;
    const lower = lowerAscii(name);
    if (NOT_FOR_SCRIPT.has(lower) || listHasToken(exposed, lower)) continue;
    if (!hidden.includes(name)) hidden.push(name);
  }
  if (hidden.length > 0) addWarning(warnings, 'HeadersNotExposed', { headers: hidden.join(', ') });
}

// Checked before lower-casing the name: most response headers are not custom ones.
function startsWithXDash(name: string): boolean {
  return name.length >= 2 && (name.charCodeAt(0) | 0x20) === 0x78 && name.charCodeAt(1) === 0x2d;
}

function failedWith(warnings: readonly WarningHit[], failure: Failure): Evaluation {
  return { failure, warnings };
}

/** Replays Chromium's checks in its order under one credentials mode; stops at the first failure,
 * or where the record ends (a hop with no response yet). */
function evaluate(facts: CallFacts, credentialsInclude: boolean, completed: boolean): Evaluation {
  const warnings: WarningHit[] = [];
  const last = facts.hops.length - 1;
  for (const f of facts.hops) {
    const { hop, index } = f;
    if (f.corsFlag) {
      // Only an initial URL can get here; a redirect to such a URL fails at the redirect below.
      if (index === 0 && f.url !== null && !isHttpScheme(f.url) && f.url.scheme !== 'data') {
        return failedWith(warnings, {
          code: 'CorsDisabledScheme',
          failedParameter: '',
          stage: 'start',
          hopIndex: 0,
          header: null,
          missingHeaders: [],
          location: hop.url,
        });
      }
      const preflightResponse = hop.preflight?.response ?? null;
      const preflightHeaders = f.preflightResponseHeaders;
      if (preflightResponse !== null && preflightHeaders !== null) {
        const result = checkPreflightHeaders({
          status: preflightResponse.status,
          headers: preflightResponse.headers,
          method: f.method,
          unsafeHeaders: f.request.unsafeHeadersInOrder,
          credentialsInclude,
          origin: f.origin,
          responseIsHttp: f.responseIsHttp,
        }, preflightHeaders);
        const pf = result.failure;
        if (pf !== null) {
          return failedWith(warnings, {
            code: pf.code,
            failedParameter: pf.failedParameter,
            stage: 'preflight',
            hopIndex: index,
            header: pf.headerName === null ? null : { where: 'preflight-response', name: pf.headerName, value: pf.headerValue },
            missingHeaders: pf.missingHeaders,
            location: pf.code === 'PreflightDisallowedRedirect' ? pf.headerValue : null,
          });
        }
        if (result.authorizationCoveredByWildcard) addWarning(warnings, 'AuthorizationCoveredByWildcard');
        const maxAge = preflightHeaders.headers.maxAge;
        if (result.maxAgeSeconds === 0) addWarning(warnings, 'PreflightNotCached', { value: displayValue(maxAge) });
        else if (maxAge !== null && /^\+?\d+$/.test(maxAge) && Number(maxAge) > 7200) {
          addWarning(warnings, 'MaxAgeAboveCap', { value: displayValue(maxAge) });
        }
      }
    }
    const response = hop.response;
    const headers = f.responseHeaders;
    if (response === null || headers === null) break;
    if (f.corsFlag && !f.revalidation304) {
      const access = checkAccess({
        allowOrigin: headers.allowOrigin,
        allowCredentials: headers.allowCredentials,
        credentialsInclude,
        origin: f.origin,
        responseIsHttp: f.responseIsHttp,
      });
      if (access !== null) {
        return failedWith(warnings, {
          code: access.code,
          failedParameter: access.failedParameter,
          stage: 'response',
          hopIndex: index,
          header: {
            where: f.redirect === null ? 'response' : 'redirect-response',
            name: access.headerName,
            value: access.headerValue,
          },
          missingHeaders: [],
          location: null,
        });
      }
    }
    if (f.redirect !== null) {
      // A completed call ending on an unfollowed redirect used redirect: 'manual' (an opaque
      // redirect), so nothing about the target was checked.
      if (!f.redirect.followed && completed && index === last) break;
      const code = checkRedirectLocation({
        target: f.redirect.parsed,
        initiator: facts.initiator,
        corsFlag: f.corsFlag,
        tainted: f.tainted,
      });
      if (code !== null) {
        return failedWith(warnings, {
          code,
          failedParameter: '',
          stage: 'location',
          hopIndex: index,
          header: { where: 'redirect-response', name: 'Location', value: f.redirect.url },
          missingHeaders: [],
          location: f.redirect.url,
        });
      }
    } else if (index === last && f.corsFlag) {
      responseWarnings(warnings, headers, f.origin);
      exposureWarnings(warnings, response, headers, credentialsInclude);
    }
  }
  return { failure: null, warnings };
}

/** Chromium stops at the first failure, so a failure explains the record only if it sits exactly
 * where the record ends: a failed preflight means the actual request was never sent, a failed
 * response check means nothing was requested after it. */
function isConsistent(facts: CallFacts, failure: Failure): boolean {
  const last = facts.hops.length - 1;
  const lastHop = facts.hops[last];
  if (lastHop === undefined) return false;
  switch (failure.stage) {
    case 'start':
    case 'preflight':
      return failure.hopIndex === last && !lastHop.sent;
    case 'response':
      // onBeforeRedirect fires only after the redirect response passed CheckAccess.
      return failure.hopIndex === last && lastHop.hop.response !== null && lastHop.hop.redirectUrl === null;
    case 'location':
      // The worker may already have opened a hop for the refused target; it never went out.
      return (
        (failure.hopIndex === last && lastHop.hop.response !== null) ||
        (failure.hopIndex === last - 1 && !lastHop.sent && lastHop.hop.preflight === null)
      );
    default:
      return exhausted(failure.stage, false);
  }
}

// For exhaustive switches: a compile error when a case is missing, a harmless value at run time.
function exhausted<T>(value: never, fallback: T): T {
  void value;
  return fallback;
}

function preflightInfo(f: HopFacts | undefined): Verdict['preflight'] {
  if (f === undefined || !f.corsFlag) return null;
  // A preflight seen for a simple request was forced (XHR upload listener, streaming body).
  const required = f.request.preflightRequired || f.hop.preflight !== null;
  return {
    required,
    status: f.hop.preflight?.response?.status ?? null,
    fromCache: required && f.hop.preflight === null && f.sent,
  };
}

function preflightAssumptions(info: Verdict['preflight'], f: HopFacts | undefined): string[] {
  return info?.fromCache === true && f !== undefined
    ? [formatMessage(ASSUMPTION_TEXTS.preflightFromCache, { url: f.hop.url })]
    : [];
}

function toWarnings(hits: readonly WarningHit[]): CorsWarning[] {
  return hits.map((w) => ({ code: w.code, message: formatMessage(WARNING_TEXTS[w.code], w.params) }));
}

// Spelled out rather than spread over defaults: object spread is a hot spot at 200k calls/s.
function verdict(fields: Partial<Verdict> & Pick<Verdict, 'outcome' | 'explanation'>): Verdict {
  return {
    outcome: fields.outcome,
    corsError: fields.corsError ?? null,
    failedParameterCandidates: fields.failedParameterCandidates ?? null,
    networkError: fields.networkError ?? null,
    phase: fields.phase ?? null,
    hopIndex: fields.hopIndex ?? null,
    header: fields.header ?? null,
    explanation: fields.explanation,
    fix: fields.fix ?? '',
    warnings: fields.warnings ?? [],
    credentials: fields.credentials ?? 'unknown',
    assumptions: fields.assumptions ?? [],
    preflight: fields.preflight ?? null,
  };
}

function hostOf(f: HopFacts): string {
  return f.url !== null && f.url.host !== '' ? f.url.host : f.hop.url;
}

function networkFailure(facts: CallFacts, cors: boolean): Verdict | null {
  const { call } = facts;
  if (call.state !== 'errored') return null;
  for (const f of facts.hops) {
    const pf = f.hop.preflight;
    if (pf === null || pf.response !== null || pf.error === null || pf.error === ERR_FAILED) continue;
    // A preflight that never got a response fails the request with its own net error.
    const params = { host: hostOf(f), url: f.hop.url, error: pf.error, errorText: netErrorText(pf.error).text };
    return verdict({
      outcome: 'failed',
      networkError: pf.error,
      phase: 'preflight',
      hopIndex: f.index,
      explanation: formatMessage(STATUS_TEXTS.preflightNetworkFailed, params),
      fix: formatMessage(STATUS_TEXTS.preflightNetworkFix, params),
      preflight: cors ? preflightInfo(f) : null,
    });
  }
  const error = call.error;
  if (error === null || error === ERR_FAILED) return null;
  const f = facts.hops[facts.hops.length - 1];
  if (f === undefined) return null;
  const text = netErrorText(error);
  const params = { host: hostOf(f), url: f.hop.url, error, errorText: text.text };
  return verdict({
    outcome: 'failed',
    networkError: error,
    phase: 'actual',
    hopIndex: f.index,
    explanation: formatMessage(STATUS_TEXTS.networkFailed, params),
    fix: formatMessage(text.fix, params),
    preflight: cors ? preflightInfo(f) : null,
  });
}

const KNOWN_MODES = new Set(['cors', 'no-cors', 'same-origin', 'navigate', 'websocket']);

/** What the mode rests on: Sec-Fetch-Mode, a preflight (only CORS requests have one), no Origin
 * on a cross-origin hop (inferred no-cors), or an Origin and nothing else, which does not prove
 * CORS: over http Chromium sends Origin on a no-cors POST too. */
type ModeBasis = 'sec-fetch-mode' | 'preflight' | 'no-origin' | 'origin-only' | 'nothing';

interface ModeInfo {
  readonly mode: string;
  readonly basis: ModeBasis;
}

// webRequest does not report the request mode; Sec-Fetch-Mode carries it (potentially trustworthy
// URLs only, so never plain http to a remote host).
function requestMode(facts: CallFacts): ModeInfo {
  for (const f of facts.hops) {
    const value = f.requestHeaders?.fetchMode ?? null;
    if (value !== null) return { mode: KNOWN_MODES.has(lowerAscii(value)) ? lowerAscii(value) : 'cors', basis: 'sec-fetch-mode' };
  }
  if (facts.hops.some((f) => f.hop.preflight !== null)) return { mode: 'cors', basis: 'preflight' };
  // Chromium always sends Origin on a CORS request that crossed origins; no-cors GETs carry none.
  const crossed = facts.hops.find((f) => f.corsFlag && f.hop.requestHeaders !== null && f.hop.requestHeaders.length > 0);
  if (crossed === undefined) return { mode: 'cors', basis: 'nothing' };
  if (crossed.requestHeaders?.hasOrigin !== true) return { mode: 'no-cors', basis: 'no-origin' };
  return { mode: 'cors', basis: 'origin-only' };
}

/** A completed call whose CORS checks fail is explained by no-cors when nothing proves CORS and
 * the request is one no-cors allows: a safelisted method and no CORS-unsafe header (Chromium
 * drops those from a no-cors request before it is sent, so the wire never shows them). */
function couldBeNoCors(facts: CallFacts, info: ModeInfo): boolean {
  return (
    info.basis === 'origin-only' &&
    facts.call.state === 'completed' &&
    facts.hops.every((f) => !f.request.preflightRequired)
  );
}

function unexplained(facts: CallFacts, credentials: CredentialsKnowledge): Verdict {
  const f = facts.hops[facts.hops.length - 1];
  const preflight = preflightInfo(f);
  return verdict({
    outcome: 'blocked',
    networkError: facts.call.error,
    explanation: STATUS_TEXTS.blockedUnexplained,
    fix: STATUS_TEXTS.unexplainedFix,
    credentials,
    preflight,
    assumptions: preflightAssumptions(preflight, f),
  });
}

function otherModeVerdict(
  facts: CallFacts,
  info: ModeInfo,
  assumptions: readonly string[] = info.basis === 'no-origin' ? [ASSUMPTION_TEXTS.noCorsInferred] : [],
  credentials: CredentialsKnowledge = 'unknown',
): Verdict {
  if (facts.call.state === 'errored') {
    return verdict({
      outcome: 'blocked',
      networkError: facts.call.error,
      explanation: formatMessage(STATUS_TEXTS.blockedOtherMode, { mode: info.mode }),
      fix: STATUS_TEXTS.unexplainedFix,
      assumptions,
    });
  }
  const opaque = info.mode === 'no-cors' && facts.hops.some((f) => f.corsFlag);
  return verdict({
    outcome: 'allowed',
    explanation: formatMessage(STATUS_TEXTS.allowedOtherMode, { mode: info.mode }),
    warnings: opaque ? toWarnings([{ code: 'OpaqueNoCorsResponse', params: {} }]) : [],
    credentials,
    assumptions,
  });
}

/** A concrete list for the fix: what the header says now (made parsable) plus what is missing. */
function suggestList(current: string | null, needed: readonly string[], credentialsInclude: boolean, caseSensitive: boolean): string {
  const items: string[] = [];
  for (const item of (current ?? '').split(/[\s,;]+/)) if (isToken(item)) addSuggested(items, item, credentialsInclude, caseSensitive);
  for (const item of needed) addSuggested(items, item, credentialsInclude, caseSensitive);
  return items.join(', ');
}

function addSuggested(items: string[], item: string, credentialsInclude: boolean, caseSensitive: boolean): void {
  if (item === '*' && credentialsInclude) return;
  const key = caseSensitive ? item : lowerAscii(item);
  if (!items.some((existing) => (caseSensitive ? existing : lowerAscii(existing)) === key)) items.push(item);
}

function failurePhase(failure: Failure, f: HopFacts): Verdict['phase'] {
  switch (failure.stage) {
    case 'preflight':
      return 'preflight';
    case 'response':
      return f.redirect === null ? 'actual' : 'redirect';
    case 'location':
      return 'redirect';
    case 'start':
      return 'actual';
    default:
      return exhausted(failure.stage, null);
  }
}

/** What failureVerdict's templates need to fill their placeholders. */
interface FailureContext {
  readonly failure: Failure;
  readonly f: HopFacts;
  /** The response whose check failed (the preflight's for a preflight failure). */
  readonly checked: ObservedResponse | null;
  readonly checkedHeaders: CorsResponseHeaders | null;
  readonly headerAtFault: string | null;
  readonly candidates: readonly string[] | null;
  readonly credentialsInclude: boolean;
}

// Each placeholder is computed only when the chosen templates use it: building every value (two
// suggested lists, a parsed URL, …) for every verdict was the checker's largest cost.
function failureParam(name: string, context: FailureContext): string | undefined {
  const { failure, f, checked, checkedHeaders, headerAtFault, candidates, credentialsInclude } = context;
  switch (name) {
    case 'origin':
      return f.origin;
    case 'originNote':
      return f.tainted ? FRAGMENTS.originNoteTainted : '';
    case 'url':
      return f.hop.url;
    case 'host':
      return hostOf(f);
    case 'response':
      return failure.stage === 'preflight'
        ? FRAGMENTS.responsePreflight
        : f.redirect === null
          ? FRAGMENTS.responseActual
          : FRAGMENTS.responseRedirect;
    case 'value':
      return displayValue(headerAtFault);
    case 'header':
      return CORS_CODES[failure.code].failedParameter === 'request-header' ? failure.failedParameter : '';
    case 'headers':
      return nameList(failure.missingHeaders);
    case 'reported':
      return candidates === null
        ? formatMessage(FRAGMENTS.reportedFirst, { header: failure.failedParameter })
        : FRAGMENTS.reportedOneOf;
    case 'method':
      return f.method;
    case 'status':
      return checked === null ? '' : String(checked.status);
    case 'location':
      return failure.location ?? '';
    case 'scheme':
      return failure.location === null ? '' : (parseUrl(failure.location)?.scheme ?? '');
    case 'allowMethods':
      return suggestList(checkedHeaders?.allowMethods ?? null, [f.method], credentialsInclude, true);
    case 'allowHeaders':
      return suggestList(
        checkedHeaders?.allowHeaders ?? null,
        f.request.unsafeHeaders,
        credentialsInclude,
        false,
      );
    case 'credentialsHint':
      return credentialsInclude ? FRAGMENTS.credentialsHint : '';
    case 'wildcardNote':
      return credentialsInclude && listHasToken(headerAtFault, '*') ? FRAGMENTS.wildcardWithCredentials : '';
    default:
      return undefined;
  }
}

function failureVerdict(
  facts: CallFacts,
  failure: Failure,
  credentialsInclude: boolean,
  credentials: CredentialsKnowledge,
  credentialAssumptions: readonly string[],
): Verdict {
  const f = facts.hops[failure.hopIndex];
  if (f === undefined) return unexplained(facts, credentials);
  const checked = failure.stage === 'preflight' ? (f.hop.preflight?.response ?? null) : f.hop.response;
  const checkedHeaders = failure.stage === 'preflight' ? (f.preflightResponseHeaders?.headers ?? null) : f.responseHeaders;
  const headerAtFault = failure.header?.value ?? null;
  const several = failure.missingHeaders.length > 1;
  // From the preflight, the names come sorted: which one Chromium checked first is unknown.
  const candidates = several && f.requestFromPreflight ? failure.missingHeaders : null;
  const context: FailureContext = { failure, f, checked, checkedHeaders, headerAtFault, candidates, credentialsInclude };
  const row = CORS_CODES[failure.code];
  const entry: Explanation = row.text;
  const absent = failure.header !== null && failure.header.value === null;
  const whyOne = absent ? (entry.whyAbsent ?? entry.why) : entry.why;
  const whySeveral = absent ? (entry.whySeveralAbsent ?? entry.whySeveral) : entry.whySeveral;
  const template = several ? (whySeveral ?? whyOne) : whyOne;
  const fixTemplate = several ? (entry.fixSeveral ?? entry.fix) : entry.fix;
  const preflight = preflightInfo(f);
  const assumptions = [...credentialAssumptions, ...preflightAssumptions(preflight, f)];
  // The failed parameter names the request's method or header: the request's, not the response's.
  const aboutRequest = row.failedParameter === 'request-method' || row.failedParameter === 'request-header';
  if (aboutRequest && f.requestFromPreflight && f.hop.requestHeaders === null) {
    assumptions.push(ASSUMPTION_TEXTS.headersFromPreflight);
  }
  if (candidates !== null) {
    assumptions.push(
      formatMessage(ASSUMPTION_TEXTS.headerOrderUnknown, {
        headers: candidates.join(', '),
        header: failure.failedParameter,
      }),
    );
  }
  return verdict({
    outcome: 'blocked',
    corsError: { code: failure.code, failedParameter: failure.failedParameter },
    failedParameterCandidates: candidates,
    networkError: facts.call.error,
    phase: failurePhase(failure, f),
    hopIndex: failure.hopIndex,
    header: failure.header,
    explanation: formatMessage(template, (name) => failureParam(name, context)),
    fix: f.tainted && row.family === 'origin' ? STATUS_TEXTS.taintedFix : formatMessage(fixTemplate, (name) => failureParam(name, context)),
    credentials,
    assumptions,
    preflight,
  });
}

function allowedVerdict(
  facts: CallFacts,
  evaluation: Evaluation,
  credentials: CredentialsKnowledge,
  credentialAssumptions: readonly string[],
): Verdict {
  const f = facts.hops[facts.hops.length - 1];
  const preflight = preflightInfo(f);
  const allowOrigin = f?.responseHeaders?.allowOrigin ?? null;
  return verdict({
    outcome: 'allowed',
    explanation: formatMessage(STATUS_TEXTS.allowedCors, { value: displayValue(allowOrigin), origin: f?.origin ?? '' }),
    warnings: toWarnings(evaluation.warnings),
    credentials,
    assumptions: [...credentialAssumptions, ...preflightAssumptions(preflight, f)],
    preflight,
  });
}

// Chromium let the call through although a check fails. With nothing proving CORS, no-cors is
// the consistent reading; otherwise say so instead of contradicting Chromium.
function completedDespite(facts: CallFacts, info: ModeInfo, failure: Failure, credentials: CredentialsKnowledge): Verdict {
  if (!couldBeNoCors(facts, info)) return disagreeVerdict(facts, failure, credentials);
  return otherModeVerdict(
    facts,
    { mode: 'no-cors', basis: info.basis },
    [formatMessage(ASSUMPTION_TEXTS.noCorsFromOutcome, { otherCode: failure.code })],
    credentials,
  );
}

function disagreeVerdict(facts: CallFacts, failure: Failure, credentials: CredentialsKnowledge): Verdict {
  const f = facts.hops[facts.hops.length - 1];
  return verdict({
    outcome: 'allowed',
    explanation: STATUS_TEXTS.allowedDespiteChecks,
    credentials,
    assumptions: [formatMessage(ASSUMPTION_TEXTS.checkerDisagrees, { otherCode: failure.code })],
    preflight: preflightInfo(f),
  });
}

function sameFailure(a: Failure, b: Failure): boolean {
  return a.code === b.code && a.failedParameter === b.failedParameter && a.hopIndex === b.hopIndex;
}

function corsVerdict(facts: CallFacts, info: ModeInfo): Verdict {
  const completed = facts.call.state === 'completed';
  // Cookies go to a cross-origin URL only with credentials: 'include'.
  const cookieSent = facts.hops.some((f) => f.corsFlag && f.requestHeaders?.hasCookie === true);
  const withCredentials = evaluate(facts, true, completed);
  const i = withCredentials.failure;

  if (cookieSent) {
    if (completed) return i === null ? allowedVerdict(facts, withCredentials, 'include', []) : completedDespite(facts, info, i, 'include');
    if (i === null) return unexplained(facts, 'include');
    return failureVerdict(facts, i, true, 'include', isConsistent(facts, i) ? [] : [ASSUMPTION_TEXTS.failureInconsistent]);
  }

  const without = evaluate(facts, false, completed);
  const o = without.failure;
  if (completed) {
    if (o !== null) return completedDespite(facts, info, o, 'unknown');
    if (i === null) return allowedVerdict(facts, without, 'unknown', []);
    return allowedVerdict(facts, without, 'not-include', [
      formatMessage(ASSUMPTION_TEXTS.credentialsOmitCompleted, { otherCode: i.code }),
    ]);
  }

  const oFits = o !== null && isConsistent(facts, o);
  const iFits = i !== null && isConsistent(facts, i);
  if (o !== null && oFits) {
    if (i === null) return failureVerdict(facts, o, false, 'unknown', []);
    if (iFits) {
      // Both modes explain the block; name the other reason when it differs.
      const note = sameFailure(o, i) ? [] : [formatMessage(ASSUMPTION_TEXTS.credentialsAssumedOmit, { otherCode: i.code })];
      return failureVerdict(facts, o, false, 'unknown', note);
    }
    return failureVerdict(facts, o, false, 'not-include', [
      formatMessage(ASSUMPTION_TEXTS.credentialsOmitBlocked, { otherCode: i.code }),
    ]);
  }
  if (i !== null && iFits) return failureVerdict(facts, i, true, 'include', [ASSUMPTION_TEXTS.credentialsIncludeOnly]);
  // Some check fails but not where the record ends: report it, flagged, rather than nothing.
  if (o !== null) return failureVerdict(facts, o, false, 'unknown', [ASSUMPTION_TEXTS.failureInconsistent]);
  if (i !== null) return failureVerdict(facts, i, true, 'unknown', [ASSUMPTION_TEXTS.failureInconsistent]);
  return unexplained(facts, 'unknown');
}

export function checkCall(call: ObservedCall): Verdict {
  // A trialled call is judged on the headers Chromium saw after our trial rule changed them.
  const result = trialNoted(call, checkRecord(withTrialHeaders(call)));
  if (isComplete(call)) return result;
  return { ...result, assumptions: [ASSUMPTION_TEXTS.incompleteRecord, ...result.assumptions] };
}

function trialNoted(call: ObservedCall, result: Verdict): Verdict {
  return call.trial === undefined ? result : { ...result, assumptions: [TRIAL_CALL_NOTE, ...result.assumptions] };
}

function checkRecord(call: ObservedCall): Verdict {
  const facts = collectFacts(call);
  const last = facts.hops[facts.hops.length - 1];
  const info = requestMode(facts);
  const cors = info.mode === 'cors';
  if (call.state === 'in-flight') {
    return verdict({ outcome: 'pending', explanation: STATUS_TEXTS.pending, preflight: cors ? preflightInfo(last) : null });
  }
  if (last === undefined) {
    const failedOnNetwork = call.state === 'errored' && call.error !== null && call.error !== ERR_FAILED;
    return verdict({
      outcome: call.state === 'completed' ? 'allowed' : failedOnNetwork ? 'failed' : 'blocked',
      networkError: call.state === 'errored' ? call.error : null,
      explanation: STATUS_TEXTS.noHops,
    });
  }
  // Decided before any header is exchanged, whatever the request's mode.
  const localNetwork = findLocalNetworkBlock(call);
  if (localNetwork !== null) return localNetworkVerdict(call, localNetwork);
  const ended = endedByPage(call, last);
  if (ended !== null) return ended;
  const failedOnNetwork = networkFailure(facts, cors);
  if (failedOnNetwork !== null) return failedOnNetwork;
  if (!cors) return otherModeVerdict(facts, info);
  if (!facts.hops.some((f) => f.corsFlag)) {
    return call.state === 'completed'
      ? verdict({ outcome: 'allowed', explanation: STATUS_TEXTS.allowedSameOrigin })
      : unexplained(facts, 'unknown');
  }
  return corsVerdict(facts, info);
}

/** A call the page ended itself. webRequest reports such an end as net::ERR_ABORTED, or (seen
 * on Chromium 156 for a cancelled body reader or an aborted stream, varying from run to run) as
 * net::ERR_FAILED, the same error as a CORS block. What tells them apart is onResponseStarted:
 * Chromium hands a response to the page only once it passed the CORS check, so an error after it
 * is the page's doing, whatever credentials mode the checks would otherwise have to assume. An
 * ERR_ABORTED at a redirect stays a failure: that is the page's redirect mode refusing it. */
function endedByPage(call: ObservedCall, last: HopFacts): Verdict | null {
  if (call.state !== 'errored') return null;
  const params = { error: call.error ?? '' };
  if (last.hop.responseStartedAt !== undefined && (call.error === ERR_FAILED || call.error === ERR_ABORTED)) {
    // The response passed CORS exactly as a completed one does: judge it so (credentials mode,
    // warnings), then say how it ended.
    const passed = checkRecord({ ...call, state: 'completed', error: null });
    return {
      ...passed,
      outcome: 'ended-by-page',
      networkError: call.error,
      explanation: formatMessage(STATUS_TEXTS.endedAfterResponse, params),
      fix: STATUS_TEXTS.endedFix,
    };
  }
  if (call.error !== ERR_ABORTED || last.redirect !== null) return null;
  return verdict({
    outcome: 'ended-by-page',
    networkError: call.error,
    explanation: formatMessage(STATUS_TEXTS.endedBeforeResponse, params),
    fix: STATUS_TEXTS.endedFix,
    preflight: preflightInfo(last),
  });
}
