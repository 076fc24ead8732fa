// Who made a call. Page calls carry no mark. Calls made by a service worker or a shared worker
// reach extensions with no tab (webRequest tabId -1); CORS Lens lists them in the tabs of the
// worker's origin and marks them with the kind of worker, as far as the wire tells it.

/** `worker`: a worker of the origin made it, but whether a service or a shared one is not known
 * (no script fetch of either kind was seen for that origin in this browser session, or both were). */
export type WorkerCaller = 'service-worker' | 'shared-worker' | 'worker';

/** What the exports say: `page` for the page's own calls. */
export type Caller = 'page' | WorkerCaller;

const LABELS: Readonly<Record<Caller, string>> = {
  page: 'page',
  'service-worker': 'from service worker',
  'shared-worker': 'from shared worker',
  worker: 'from a worker (service or shared)',
};

export function callerLabel(caller: Caller): string {
  return LABELS[caller];
}

const NOUNS: Readonly<Record<Caller, string>> = {
  page: 'page',
  'service-worker': 'service worker',
  'shared-worker': 'shared worker',
  worker: 'worker',
};

/** Who made the call, as the subject of a sentence ("the service worker asked the browser…"). */
export function callerNoun(caller: Caller): string {
  return NOUNS[caller];
}

/** The same with a capital, for a diagram's lifeline. */
export function callerTitle(caller: Caller): string {
  const noun = NOUNS[caller];
  return noun.charAt(0).toUpperCase() + noun.slice(1);
}
