// The chrome side of worker attribution (worker-attribution.ts): reads the open tabs for each
// worker request and remembers, in storage.session, which kinds of worker each origin runs. One
// promise chain keeps the worker events in the order Chromium sent them.
import type { WireEvent } from './wire-event';
import { noteWorkerKind, routeWorkerEvent, workerScript, type WorkerKinds, type WorkerRoutes } from './worker-attribution';

const KINDS_KEY = 'worker-kinds';

// Module state that may die with the extension's worker: routes are rebuilt from the open tabs
// (a request then in flight is shown as incomplete), kinds are read back from storage.
const routes: WorkerRoutes = new Map();
let kinds: Promise<WorkerKinds> | null = null;
let chain: Promise<void> = Promise.resolve();

function loadKinds(): Promise<WorkerKinds> {
  kinds ??= chrome.storage.session.get(KINDS_KEY).then((stored) => {
    const value: unknown = stored[KINDS_KEY];
    return typeof value === 'object' && value !== null ? (value as WorkerKinds) : {};
  });
  return kinds;
}

function inTurn(work: () => Promise<void>): void {
  chain = chain.then(work).catch((error: unknown) => console.error('CORS Lens: worker calls', error));
}

/** Remembers the kind of worker a script request fetches (a no-op for every other request). */
export function noteWorkerScript(event: WireEvent): void {
  const script = workerScript(event);
  if (script === null) return;
  inTurn(async () => {
    const known = await loadKinds();
    if (noteWorkerKind(known, script.origin, script.kind)) await chrome.storage.session.set({ [KINDS_KEY]: known });
  });
}

/** Hands the worker's event to `apply` once for each open tab of the worker's origin. */
export function routeFromWorker(event: WireEvent, apply: (routed: WireEvent) => void): void {
  inTurn(async () => {
    // The tabs are read once per request: its later events follow the route its first one took.
    const tabs = routes.has(event.requestId) ? [] : chrome.tabs.query({});
    const [openTabs, known] = await Promise.all([tabs, loadKinds()]);
    for (const routed of routeWorkerEvent(event, openTabs, known, routes)) apply(routed);
  });
}
