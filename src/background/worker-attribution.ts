// Requests made by service workers and shared workers reach extensions with tabId -1 and
// frameId -1, and nothing in them says which kind of worker made them (seen in Chromium 156:
// same fields, same type `xmlhttprequest`, no documentId). Their initiator is the worker's origin,
// so CORS Lens lists each such call in every open tab of that origin. The kind of worker is
// learned from the worker scripts the browser fetched: `Sec-Fetch-Dest: serviceworker` or
// `sharedworker`.
import type { WorkerCaller } from '../shared/caller';
import { headerValue } from '../shared/cors/headers';
import { parseUrl } from '../shared/cors/url';
import type { WireEvent } from './wire-event';

export type WorkerScriptKind = 'service-worker' | 'shared-worker';

/** Origin → kinds of worker script seen fetched for it. Plain JSON, kept in storage.session. */
export type WorkerKinds = Record<string, WorkerScriptKind[]>;

export interface OpenTab {
  readonly id?: number;
  /** Absent when the extension may not read the tab's URL. */
  readonly url?: string;
}

/** Request id → tabs its events go to, fixed at its first event, so a tab opened or closed
 * mid-request does not get half a call. */
export type WorkerRoutes = Map<string, readonly number[]>;

const SCRIPT_DESTINATIONS: Readonly<Record<string, WorkerScriptKind>> = {
  serviceworker: 'service-worker',
  sharedworker: 'shared-worker',
};

/** An event of a request no tab made, from a web origin (not the browser's, nor an extension's). */
export function isWorkerEvent(event: WireEvent): boolean {
  return event.tabId < 0 && event.type !== 'main_frame' && /^https?:\/\//.test(event.initiator ?? '');
}

/** The worker a script request fetches, from its Sec-Fetch-Dest; null for any other request. */
export function workerScript(event: WireEvent): { readonly origin: string; readonly kind: WorkerScriptKind } | null {
  if (event.kind !== 'send-headers' || event.type !== 'script') return null;
  const kind = SCRIPT_DESTINATIONS[headerValue(event.requestHeaders, 'sec-fetch-dest') ?? ''];
  const origin = parseUrl(event.url)?.origin;
  return kind === undefined || origin === undefined ? null : { origin, kind };
}

/** Adds a seen worker script; returns false when it was known already. */
export function noteWorkerKind(kinds: WorkerKinds, origin: string, kind: WorkerScriptKind): boolean {
  const known = kinds[origin] ?? [];
  if (known.includes(kind)) return false;
  kinds[origin] = [...known, kind];
  return true;
}

/** The caller to show: the one kind of worker the origin is known to run, else `worker`. */
export function callerFor(origin: string, kinds: WorkerKinds): WorkerCaller {
  const known = kinds[origin] ?? [];
  return known.length === 1 && known[0] !== undefined ? known[0] : 'worker';
}

/** Open tabs whose page has the given origin. */
export function tabsOfOrigin(origin: string, tabs: readonly OpenTab[]): number[] {
  return tabs.flatMap((tab) => (tab.id !== undefined && tab.url !== undefined && parseUrl(tab.url)?.origin === origin ? [tab.id] : []));
}

/** The worker's event once per tab of its origin, marked with its caller; none when no open tab
 * has that origin (there is no log to show it in). */
export function routeWorkerEvent(event: WireEvent, tabs: readonly OpenTab[], kinds: WorkerKinds, routes: WorkerRoutes): WireEvent[] {
  const origin = event.initiator ?? '';
  let tabIds = routes.get(event.requestId);
  if (tabIds === undefined) {
    tabIds = tabsOfOrigin(origin, tabs);
    routes.set(event.requestId, tabIds);
  }
  if (event.kind === 'completed' || event.kind === 'error') routes.delete(event.requestId);
  const caller = callerFor(origin, kinds);
  return tabIds.map((tabId) => ({ ...event, tabId, caller }));
}
