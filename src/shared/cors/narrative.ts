// "What the browser did": one call replayed as the ordered exchange between page, browser and
// server, for the sequence diagram and the plain paragraph under the why-blocked sentence. Both come
// from the same steps, so they cannot disagree. Prose is NARRATIVE_TEXTS, filled by formatMessage.
import type { HeaderLine, ObservedCall, ObservedHop, ObservedResponse } from '../observed-call';
import { formatMessage, type MessageParams } from './explanations';
import { headerValue, lowerAscii } from './headers';
import type { Verdict } from './types';
import { callerNoun, callerTitle } from '../caller';

export type Party = 'page' | 'browser' | 'server';
export type StepStatus = 'ok' | 'fail' | 'skipped';

export type StepKind =
  | 'page-asks'
  | 'preflight-cached'
  | 'preflight-sent'
  | 'preflight-answer'
  | 'preflight-check'
  | 'request'
  | 'response'
  | 'response-check'
  | 'to-page';

export interface ExchangeStep {
  readonly kind: StepKind;
  /** Index into call.hops this step belongs to (the page's ask and the final hand-off use the last). */
  readonly hopIndex: number;
  readonly from: Party;
  readonly to: Party;
  /** Short, for the diagram arrow. */
  readonly label: string;
  /** Headers, their absence, or the reason, as one line; null when there is nothing to add. */
  readonly detail: string | null;
  readonly status: StepStatus;
}

interface StepText {
  readonly label: string;
  readonly sentence: string;
}

export const NARRATIVE_TEXTS = {
  pageAsks: { label: '{method} {path}', sentence: 'The page asked the browser for {method} {url}.' },
  preflightCached: {
    label: 'Preflight answer reused from cache',
    sentence: 'The browser reused a cached preflight answer, so it sent no OPTIONS request.',
  },
  preflightSent: {
    label: 'OPTIONS {path}',
    sentence: 'Because the request is not a simple one, the browser first sent a preflight, OPTIONS {url}, with {headers}.',
  },
  preflightAnswered: {
    label: '{status} (preflight)',
    sentence: 'The server answered the preflight with status {status} and {headers}.',
  },
  preflightNoAnswer: {
    label: 'No answer ({error})',
    sentence: 'The preflight got no HTTP answer ({error}).',
  },
  preflightPending: { label: 'Waiting for the preflight answer', sentence: 'The preflight is still waiting for an answer.' },
  preflightCheckPassed: { label: 'Checks the preflight: passed', sentence: 'The browser checked that answer and it passed.' },
  preflightCheckFailed: {
    label: 'Checks the preflight: failed ({code})',
    sentence: 'The browser checked that answer and it failed ({code}).',
  },
  requestSent: { label: '{method} {path}', sentence: 'The browser sent the request, {method} {url}.' },
  redirectSent: { label: '{method} {path}', sentence: 'It followed the redirect with {method} {url}.' },
  requestNotSent: {
    label: '{method} {path} not sent',
    sentence: 'So it never sent the request itself.',
  },
  responseAnswered: { label: '{status}', sentence: 'The server answered with status {status} and {headers}.' },
  responseNoAnswer: { label: 'No answer ({error})', sentence: 'The request got no HTTP answer ({error}).' },
  responsePending: { label: 'Waiting for the response', sentence: 'The request is still waiting for an answer.' },
  responseCheckPassed: { label: 'Checks the response: passed', sentence: 'The browser checked that answer and it passed.' },
  responseCheckFailed: {
    label: 'Checks the response: failed ({code})',
    sentence: 'The browser checked that answer and it failed ({code}).',
  },
  handedToPage: { label: 'Response handed to the page', sentence: 'The browser handed the response to the page.' },
  typeErrorCors: {
    label: 'TypeError: Failed to fetch',
    sentence:
      'The browser withheld the response and rejected the page\'s call with a TypeError ("Failed to fetch"), which tells the page nothing about why.',
  },
  typeErrorNetwork: {
    label: 'TypeError: Failed to fetch',
    sentence: 'The browser rejected the page\'s call with a TypeError ("Failed to fetch").',
  },
  stillWaiting: { label: 'Page still waiting', sentence: 'The page is still waiting.' },
} as const satisfies Record<string, StepText>;

/** Pieces spliced into NARRATIVE_TEXTS. */
export const NARRATIVE_FRAGMENTS = {
  header: '{name}: {value}',
  headerSeparator: '; ',
  noCorsHeaders: 'no CORS headers',
  noOrigin: 'no Origin header',
  unknownReason: 'reason not visible in the headers',
  unknownError: 'network error',
} as const;

type TextKey = keyof typeof NARRATIVE_TEXTS;

interface Draft {
  readonly kind: StepKind;
  readonly hopIndex: number;
  readonly from: Party;
  readonly to: Party;
  readonly text: TextKey;
  readonly params: MessageParams;
  readonly detail: string | null;
  readonly status: StepStatus;
}

const PREFLIGHT_REQUEST_HEADERS = ['origin', 'access-control-request-method', 'access-control-request-headers'];

/** The path and query of a URL, for arrow labels where the origin is obvious. */
function pathOf(url: string): string {
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  return path === '' ? '/' : path;
}

function urlParams(url: string, rest: MessageParams): MessageParams {
  return { ...rest, url, path: pathOf(url) };
}

function isCorsResponseHeader(lower: string): boolean {
  return lower.startsWith('access-control-') || lower === 'vary';
}

function headerLine(h: HeaderLine): string {
  return formatMessage(NARRATIVE_FRAGMENTS.header, { name: h.name, value: h.value });
}

/** The named request headers, in the order given. */
function pickHeaders(lines: readonly HeaderLine[], lowerNames: readonly string[]): string | null {
  const picked: string[] = [];
  for (const name of lowerNames) {
    const value = headerValue(lines, name);
    if (value !== null) picked.push(headerLine({ name: canonical(lines, name), value }));
  }
  return picked.length === 0 ? null : picked.join(NARRATIVE_FRAGMENTS.headerSeparator);
}

function canonical(lines: readonly HeaderLine[], lower: string): string {
  return lines.find((h) => lowerAscii(h.name) === lower)?.name ?? lower;
}

function corsResponseHeaders(lines: readonly HeaderLine[]): string | null {
  const picked = lines.filter((h) => isCorsResponseHeader(lowerAscii(h.name))).map(headerLine);
  return picked.length === 0 ? null : picked.join(NARRATIVE_FRAGMENTS.headerSeparator);
}

/** Where the verdict says the call failed a CORS check, if it did. */
function failurePoint(call: ObservedCall, verdict: Verdict): { hop: number; check: 'preflight' | 'response' } | null {
  if (verdict.outcome !== 'blocked') return null;
  const hop = verdict.hopIndex ?? call.hops.length - 1;
  return { hop, check: verdict.phase === 'preflight' ? 'preflight' : 'response' };
}

function failCode(verdict: Verdict): string {
  return verdict.corsError?.code ?? NARRATIVE_FRAGMENTS.unknownReason;
}

function drafts(call: ObservedCall, verdict: Verdict): Draft[] {
  const out: Draft[] = [];
  const last = Math.max(0, call.hops.length - 1);
  const fail = failurePoint(call, verdict);
  const code = failCode(verdict);
  const error = call.error ?? verdict.networkError ?? NARRATIVE_FRAGMENTS.unknownError;
  const first = call.hops[0];
  out.push({
    kind: 'page-asks',
    hopIndex: 0,
    from: 'page',
    to: 'browser',
    text: 'pageAsks',
    params: urlParams(first?.url ?? '', { method: call.method }),
    detail: null,
    status: 'ok',
  });
  // The server's answer to a preflight or a request; false when none came.
  const pushAnswer = (
    hopIndex: number,
    kind: 'preflight-answer' | 'response',
    res: ObservedResponse | null,
    pending: boolean,
    errorText: string,
    texts: { pending: TextKey; none: TextKey; answered: TextKey },
  ): boolean => {
    if (res === null) {
      const text = pending ? texts.pending : texts.none;
      const status = pending ? 'skipped' : 'fail';
      out.push({ hopIndex, kind, from: 'server', to: 'browser', text, params: { error: errorText }, detail: null, status });
      return false;
    }
    const got = corsResponseHeaders(res.headers) ?? NARRATIVE_FRAGMENTS.noCorsHeaders;
    const params = { status: String(res.status), headers: got };
    out.push({ hopIndex, kind, from: 'server', to: 'browser', text: texts.answered, params, detail: got, status: 'ok' });
    return true;
  };
  // The browser's CORS check of that answer.
  const pushCheck = (
    hopIndex: number,
    kind: 'preflight-check' | 'response-check',
    failed: boolean,
    texts: { failed: TextKey; passed: TextKey },
  ): void => {
    const detail = failed && verdict.corsError?.failedParameter ? verdict.corsError.failedParameter : null;
    const text = failed ? texts.failed : texts.passed;
    out.push({ hopIndex, kind, from: 'browser', to: 'browser', text, params: { code }, detail, status: failed ? 'fail' : 'ok' });
  };
  // Each hop returns false when the exchange stopped there.
  const runHop = (hop: ObservedHop, i: number): boolean => {
    const method = headerValue(hop.preflight?.requestHeaders ?? null, 'access-control-request-method') ?? call.method;
    const base = { hopIndex: i };
    const pf = hop.preflight;
    const cachedPreflight = pf === null && i === 0 && verdict.preflight?.required === true && verdict.preflight.fromCache;
    if (cachedPreflight) {
      out.push({ ...base, kind: 'preflight-cached', from: 'browser', to: 'browser', text: 'preflightCached', params: {}, detail: null, status: 'ok' });
    }
    if (pf !== null) {
      const sentHeaders = pickHeaders(pf.requestHeaders, PREFLIGHT_REQUEST_HEADERS);
      out.push({
        ...base,
        kind: 'preflight-sent',
        from: 'browser',
        to: 'server',
        text: 'preflightSent',
        params: urlParams(pf.url, { headers: sentHeaders ?? NARRATIVE_FRAGMENTS.noOrigin }),
        detail: sentHeaders,
        status: 'ok',
      });
      const answered = pushAnswer(i, 'preflight-answer', pf.response, pf.error === null && call.state === 'in-flight', pf.error ?? error, {
        pending: 'preflightPending',
        none: 'preflightNoAnswer',
        answered: 'preflightAnswered',
      });
      if (!answered) return false;
      const failed = fail !== null && fail.hop === i && fail.check === 'preflight';
      pushCheck(i, 'preflight-check', failed, { failed: 'preflightCheckFailed', passed: 'preflightCheckPassed' });
      if (failed) {
        out.push({
          ...base,
          kind: 'request',
          from: 'browser',
          to: 'server',
          text: 'requestNotSent',
          params: urlParams(hop.url, { method }),
          detail: null,
          status: 'skipped',
        });
        return false;
      }
    }
    const sent = hop.requestHeaders !== null || hop.response !== null;
    if (!sent) {
      const pending = call.state === 'in-flight';
      out.push({
        ...base,
        kind: 'request',
        from: 'browser',
        to: 'server',
        text: 'requestNotSent',
        params: urlParams(hop.url, { method }),
        detail: pending ? null : call.error,
        status: pending ? 'skipped' : 'fail',
      });
      return false;
    }
    out.push({
      ...base,
      kind: 'request',
      from: 'browser',
      to: 'server',
      text: i === 0 ? 'requestSent' : 'redirectSent',
      params: urlParams(hop.url, { method }),
      detail: pickHeaders(hop.requestHeaders ?? [], ['origin']),
      status: 'ok',
    });
    const answered = pushAnswer(i, 'response', hop.response, call.state === 'in-flight', error, {
      pending: 'responsePending',
      none: 'responseNoAnswer',
      answered: 'responseAnswered',
    });
    if (!answered) return false;
    const failed = fail !== null && fail.hop === i && fail.check === 'response';
    if (failed || i === last || hop.redirectUrl !== null) {
      pushCheck(i, 'response-check', failed, { failed: 'responseCheckFailed', passed: 'responseCheckPassed' });
    }
    return !failed;
  };
  call.hops.every(runHop);
  const lastHop = call.hops.length - 1;
  if (verdict.outcome === 'pending' || call.state === 'in-flight') {
    out.push({ kind: 'to-page', hopIndex: lastHop, from: 'browser', to: 'page', text: 'stillWaiting', params: {}, detail: null, status: 'skipped' });
  } else if (verdict.outcome === 'allowed') {
    out.push({ kind: 'to-page', hopIndex: lastHop, from: 'browser', to: 'page', text: 'handedToPage', params: {}, detail: null, status: 'ok' });
  } else {
    out.push({
      kind: 'to-page',
      hopIndex: lastHop,
      from: 'browser',
      to: 'page',
      text: verdict.outcome === 'blocked' ? 'typeErrorCors' : 'typeErrorNetwork',
      params: {},
      detail: verdict.networkError ?? call.error,
      status: 'fail',
    });
  }
  return out;
}

/** The call as ordered steps between page, browser and server. */
export function narrate(call: ObservedCall, verdict: Verdict): ExchangeStep[] {
  return drafts(call, verdict).map((d) => ({
    kind: d.kind,
    hopIndex: d.hopIndex,
    from: d.from,
    to: d.to,
    label: formatMessage(spokenBy(call, NARRATIVE_TEXTS[d.text].label), d.params),
    detail: d.detail === null ? null : formatMessage('{detail}', { detail: d.detail }),
    status: d.status,
  }));
}

/** The texts are written for a page's call; a worker's call names the worker instead. Only the
 * template is changed, never the URLs and headers spliced into it. */
function spokenBy(call: ObservedCall, template: string): string {
  if (call.caller === undefined) return template;
  const noun = callerNoun(call.caller);
  return template.replace(/\bThe page\b/g, `The ${noun}`).replace(/\bthe page\b/g, `the ${noun}`).replace(/^Page\b/, callerTitle(call.caller));
}

/** The same steps as one plain paragraph. */
export function whatTheBrowserDid(call: ObservedCall, verdict: Verdict): string {
  return drafts(call, verdict)
    .map((d) => formatMessage(spokenBy(call, NARRATIVE_TEXTS[d.text].sentence), d.params))
    .join(' ');
}
