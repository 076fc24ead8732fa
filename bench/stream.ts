// Streams cross-origin requests from the playground page: a mix of allowed, preflighted and
// blocked calls, a few in flight at a time, each with its own URL. Returns, per URL, when the
// page saw the request finish (Date.now(), body read or fetch rejected).
import type { Page } from 'playwright-core';

const PATHS = [
  { path: '/simple/allowed', method: 'GET' },
  { path: '/json/ok', method: 'POST', json: true },
  { path: '/simple/no-acao', method: 'GET' },
  { path: '/custom-header', method: 'GET', headers: { 'X-Token': 'secret' } },
] as const;

export async function streamRequests(page: Page, apiOrigin: string, count: number, concurrency = 6): Promise<Record<string, number>> {
  return page.evaluate(
    async ({ api, total, inFlight, paths }) => {
      const doneAt: Record<string, number> = {};
      const run = `${Date.now()}`;
      let next = 0;
      // No named functions in here: tsx would wrap them in a helper the page does not have.
      await Promise.all(
        Array.from({ length: inFlight }, async () => {
          while (next < total) {
            const n = next++;
            const spec = paths[n % paths.length] as (typeof paths)[number];
            const url = `${api}${spec.path}?bench=${run}&n=${n}`;
            const headers: Record<string, string> = 'headers' in spec ? { ...spec.headers } : {};
            if ('json' in spec) headers['Content-Type'] = 'application/json';
            try {
              const res = await fetch(url, { method: spec.method, headers, body: 'json' in spec ? '{"a":1}' : undefined });
              await res.text();
            } catch {
              // Blocked by CORS: the rejection is when the page learns the request is over.
            }
            doneAt[url] = Date.now();
          }
        }),
      );
      return doneAt;
    },
    { api: apiOrigin, total: count, inFlight: concurrency, paths: PATHS },
  );
}
