// Many distinct calls from a few recorded ones, for the benchmarks: the worker's seam and the
// Node side (which predicts what the panel's filter should show) build the very same copies.
import type { ObservedCall } from '../shared/observed-call';

/** Copy `n` of a recorded call: its own id and initial URL, so every copy is a distinct row. */
export function benchCopy(template: ObservedCall, n: number, tabId: number): ObservedCall {
  const tag = (url: string): string => `${url}${url.includes('?') ? '&' : '?'}n=${n}`;
  return {
    ...template,
    id: `bench-${tabId}-${n}`,
    tabId,
    hops: template.hops.map((hop, i) => (i === 0 ? { ...hop, url: tag(hop.url) } : hop)),
  };
}

/** Copies `first` … `first + count - 1`, going round the templates in turn. */
export function benchCopies(templates: readonly ObservedCall[], count: number, tabId: number, first = 0): ObservedCall[] {
  return Array.from({ length: count }, (_, i) => {
    const n = first + i;
    return benchCopy(templates[n % templates.length] as ObservedCall, n, tabId);
  });
}
