// The mix of cross-origin calls the worker-restart and capture-scope specs stream: the playground
// path, how the page calls it, and the verdict CORS Lens must give; and the burst that sends them.
import type { Page } from '@playwright/test';

export const KINDS = [
  { path: '/simple/allowed', init: {}, outcome: 'allowed', code: null, preflight: null },
  { path: '/simple/no-acao', init: {}, outcome: 'blocked', code: 'MissingAllowOriginHeader', preflight: null },
  {
    path: '/json/ok',
    init: { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' },
    outcome: 'allowed',
    code: null,
    preflight: 204,
  },
  {
    path: '/custom-header',
    init: { headers: { 'X-Token': 't' } },
    outcome: 'blocked',
    code: 'HeaderDisallowedByPreflightResponse',
    preflight: 204,
  },
] as const;

export const kindOf = (index: number) => KINDS[index % KINDS.length] ?? KINDS[0];

/** Starts `count` calls from the page, cycling through KINDS, each held by the server until
 * `/release?hold=<label>` when `hold` is set; resolves when all have settled. */
export function burst(page: Page, apiOrigin: string, label: string, count: number, hold = false): Promise<unknown> {
  const requests = Array.from({ length: count }, (_, i) => ({
    url: `${apiOrigin}${kindOf(i).path}?burst=${label}-${i}${hold ? `&hold=${label}` : ''}`,
    init: kindOf(i).init,
  }));
  return page.evaluate((list) => Promise.allSettled(list.map(({ url, init }) => fetch(url, init))), requests);
}
