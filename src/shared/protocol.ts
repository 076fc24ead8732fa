// The typed wire between the background worker and its views (panel, report readers).
// Bump PROTOCOL_VERSION on any breaking change to these types.
import type { ObservedCall } from './observed-call';

export const PROTOCOL_VERSION = 1;

/** The port name a panel connects with: `panel:<tabId>`. */
export const PANEL_PORT_PREFIX = 'panel:';

export interface TabCounters {
  /** Calls dropped from the front of the log to keep it bounded. */
  readonly droppedCount: number;
  /** Same-origin calls seen (counted, not listed). */
  readonly sameOriginCount: number;
  readonly preserveLog: boolean;
}

export type PanelMessage =
  | { readonly kind: 'hello'; readonly protocol: number; readonly tabId: number }
  | { readonly kind: 'clear' }
  | { readonly kind: 'set-preserve-log'; readonly preserveLog: boolean };

export type BackgroundMessage =
  | {
      readonly kind: 'snapshot';
      readonly protocol: number;
      readonly calls: readonly ObservedCall[];
      readonly counters: TabCounters;
    }
  | {
      readonly kind: 'calls-upserted';
      readonly calls: readonly ObservedCall[];
      /** Calls gone from the log: dropped by the bound or found not to be CORS calls. */
      readonly removedIds: readonly string[];
      readonly counters: TabCounters;
    }
  | { readonly kind: 'cleared'; readonly counters: TabCounters }
  | { readonly kind: 'protocol-mismatch'; readonly background: number };

const PANEL_KINDS: ReadonlySet<string> = new Set(['hello', 'clear', 'set-preserve-log']);
const BACKGROUND_KINDS: ReadonlySet<string> = new Set([
  'snapshot',
  'calls-upserted',
  'cleared',
  'protocol-mismatch',
]);

function hasKind(x: unknown, kinds: ReadonlySet<string>): boolean {
  return typeof x === 'object' && x !== null && 'kind' in x && kinds.has(String(x.kind));
}

export function isPanelMessage(x: unknown): x is PanelMessage {
  return hasKind(x, PANEL_KINDS);
}

export function isBackgroundMessage(x: unknown): x is BackgroundMessage {
  return hasKind(x, BACKGROUND_KINDS);
}
