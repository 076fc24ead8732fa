// The worker table: calls made by a service worker or a shared worker, which Chromium reports to
// extensions with no tab. As in scenarios.ts, no scenario states Chromium's verdict; `designedFor`
// is only a sanity check. Header values may hold {origin}: the request's own Origin.
import type { Reply } from '../scenarios';

/**
 * sw-own: the service worker fetches on its own (the page asks it by postMessage).
 * sw-pass: the page fetches; the service worker's handler passes the request on
 *   (`event.respondWith(fetch(event.request))`), so only the worker's fetch reaches the network.
 * sw-pass-img: the same, for an `<img>` (a no-cors request).
 * shared: a SharedWorker fetches on its own.
 */
export type WorkerVia = 'sw-own' | 'sw-pass' | 'sw-pass-img' | 'shared';

export interface WorkerRequest {
  readonly method?: string;
  readonly credentials?: 'omit' | 'same-origin' | 'include';
}

export interface WorkerScenario {
  readonly id: string;
  readonly group: 'service-worker' | 'shared-worker';
  readonly via: WorkerVia;
  readonly request: WorkerRequest;
  /** The answer to a preflight; without one an OPTIONS gets a bare 204. */
  readonly preflight?: Reply;
  readonly response: Reply;
  readonly note: string;
  readonly designedFor: string;
}

const acao = (value = '{origin}') => ['Access-Control-Allow-Origin', value] as const;
const acac = ['Access-Control-Allow-Credentials', 'true'] as const;
const ok = (...headers: (readonly [string, string])[]): Reply => ({ status: 200, headers });

interface Case {
  readonly name: string;
  readonly request?: WorkerRequest;
  readonly preflight?: Reply;
  readonly response: Reply;
  readonly what: string;
  readonly designedFor: string;
}

/** What every service-worker path is checked on. */
const CASES: readonly Case[] = [
  { name: 'allowed', response: ok(acao()), what: 'ACAO matches', designedFor: 'allowed' },
  { name: 'missing-acao', response: ok(), what: 'no ACAO', designedFor: 'MissingAllowOriginHeader' },
  { name: 'acao-mismatch', response: ok(acao('https://elsewhere.test')), what: 'ACAO names another origin', designedFor: 'AllowOriginMismatch' },
  {
    name: 'preflight-no-acao',
    request: { method: 'PUT' },
    preflight: { status: 204, headers: [] },
    response: ok(acao()),
    what: 'a PUT whose preflight answer has no ACAO',
    designedFor: 'PreflightMissingAllowOriginHeader',
  },
  {
    name: 'credentials-wildcard',
    request: { credentials: 'include' },
    response: ok(acao('*'), acac),
    what: 'credentials included, ACAO *',
    designedFor: 'WildcardOriginNotAllowed',
  },
];

const VIA_TEXT: Readonly<Record<'sw-own' | 'sw-pass', string>> = {
  'sw-own': 'service worker fetches on its own',
  'sw-pass': 'page fetch passed through by the service worker',
};

export const WORKER_SCENARIOS: readonly WorkerScenario[] = [
  ...(['sw-own', 'sw-pass'] as const).flatMap((via) =>
    CASES.map(
      (c): WorkerScenario => ({
        id: `${via}-${c.name}`,
        group: 'service-worker',
        via,
        request: c.request ?? {},
        ...(c.preflight ? { preflight: c.preflight } : {}),
        response: c.response,
        note: `${VIA_TEXT[via]}: ${c.what}`,
        designedFor: c.designedFor,
      }),
    ),
  ),
  {
    id: 'sw-pass-img-no-cors',
    group: 'service-worker',
    via: 'sw-pass-img',
    request: {},
    response: { status: 200, headers: [['Content-Type', 'image/gif']] },
    note: 'an <img> (no-cors) passed through by the service worker, no ACAO: no CORS check',
    designedFor: 'allowed',
  },
  {
    id: 'shared-missing-acao',
    group: 'shared-worker',
    via: 'shared',
    request: {},
    response: ok(),
    note: 'SharedWorker fetch, no ACAO',
    designedFor: 'MissingAllowOriginHeader',
  },
  {
    id: 'shared-preflight-no-acao',
    group: 'shared-worker',
    via: 'shared',
    request: { method: 'PUT' },
    preflight: { status: 204, headers: [] },
    response: ok(acao()),
    note: 'SharedWorker PUT whose preflight answer has no ACAO',
    designedFor: 'PreflightMissingAllowOriginHeader',
  },
];
