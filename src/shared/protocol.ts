// The typed wire between the background worker and its views (panel, report readers).
// Bump PROTOCOL_VERSION on any breaking change to these types.
import type { ObservedCall } from './observed-call';
import type { TrialRecord } from './trial/trial-record';
import { isTrialScope, type TrialScope } from './trial/url-pattern';

export const PROTOCOL_VERSION = 1;

/** The port name a panel connects with: `panel:<tabId>`. */
export const PANEL_PORT_PREFIX = 'panel:';

export interface TabCounters {
  /** Calls dropped from the front of the log to keep it bounded. */
  readonly droppedCount: number;
  /** Same-origin calls seen (counted, not listed). */
  readonly sameOriginCount: number;
  readonly preserveLog: boolean;
  /** storage.session was full when this tab's calls were written: its oldest calls were dropped
   * (counted in droppedCount) to make room. Set until the log is cleared. */
  readonly storageFull?: true;
}

export type PanelMessage =
  | { readonly kind: 'hello'; readonly protocol: number; readonly tabId: number }
  | { readonly kind: 'clear' }
  | { readonly kind: 'set-preserve-log'; readonly preserveLog: boolean }
  | TrialRequest;

/** How the page's request is repeated under a trial: reload the page, or send the same request
 * again from the page. */
export type TrialRepeat = 'reload' | 'reissue';

/** Try this fix, from the panel. The background computes the headers itself from the stored call,
 * so a panel can ask for a trial but never choose what a rule sets. */
export type TrialRequest =
  | {
      readonly kind: 'trial-start';
      readonly callId: string;
      readonly scope: TrialScope;
      /** The user read the credentials warning and agreed (see trial/credentials-warning.ts). */
      readonly credentialsConfirmed?: true;
    }
  | { readonly kind: 'trial-remove'; readonly trialId: string }
  | {
      readonly kind: 'trial-repeat';
      readonly trialId: string;
      readonly how: TrialRepeat;
      /** The user confirmed re-sending a method that may change data on the server. */
      readonly confirmed: boolean;
    };

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
  | { readonly kind: 'protocol-mismatch'; readonly background: number }
  /** The background could not carry out what the panel asked (`request`; 'update' when it was
   * sending a change of its own), e.g. because storage.session refused. Added in protocol 1
   * without a bump: a panel that does not know this kind ignores it. */
  | { readonly kind: 'request-failed'; readonly request: FailedRequest; readonly error: string };

export type FailedRequest = PanelMessage['kind'] | 'update';

/** Trial state for the panel, kept apart from BackgroundMessage so the call-list reducer is not
 * concerned with it. Added in protocol 1 without a bump: a panel that does not know these kinds
 * ignores them, and a background that does not know trial requests ignores those. */
export type TrialMessage =
  /** Every trial of the tab, active and ended; sent after each snapshot and on every change. */
  | { readonly kind: 'trials'; readonly trials: readonly TrialRecord[] }
  | {
      readonly kind: 'trial-notice';
      readonly callId: string;
      readonly trialId: string | null;
      readonly tone: 'refused' | 'error' | 'info';
      readonly text: string;
    };

/** Everything the background sends down a panel port. */
export type WorkerMessage = BackgroundMessage | TrialMessage;

const PANEL_KINDS: ReadonlySet<string> = new Set(['hello', 'clear', 'set-preserve-log']);
const TRIAL_KINDS: ReadonlySet<string> = new Set(['trials', 'trial-notice']);
const BACKGROUND_KINDS: ReadonlySet<string> = new Set([
  'snapshot',
  'calls-upserted',
  'cleared',
  'protocol-mismatch',
  'request-failed',
]);

function hasKind(x: unknown, kinds: ReadonlySet<string>): boolean {
  return typeof x === 'object' && x !== null && 'kind' in x && kinds.has(String(x.kind));
}

export function isPanelMessage(x: unknown): x is PanelMessage {
  return hasKind(x, PANEL_KINDS) || isTrialRequest(x);
}

function field(x: object, name: string): unknown {
  return (x as Record<string, unknown>)[name];
}

/** Trial requests are checked field by field: they make the background change network rules. */
export function isTrialRequest(x: unknown): x is TrialRequest {
  if (typeof x !== 'object' || x === null) return false;
  switch (field(x, 'kind')) {
    case 'trial-start': {
      const confirmed = field(x, 'credentialsConfirmed');
      return typeof field(x, 'callId') === 'string' && isTrialScope(field(x, 'scope')) && (confirmed === undefined || confirmed === true);
    }
    case 'trial-remove':
      return typeof field(x, 'trialId') === 'string';
    case 'trial-repeat': {
      const how = field(x, 'how');
      return typeof field(x, 'trialId') === 'string' && (how === 'reload' || how === 'reissue') && typeof field(x, 'confirmed') === 'boolean';
    }
    default:
      return false;
  }
}

export function isTrialMessage(x: unknown): x is TrialMessage {
  return hasKind(x, TRIAL_KINDS);
}

export function isBackgroundMessage(x: unknown): x is BackgroundMessage {
  return hasKind(x, BACKGROUND_KINDS);
}
