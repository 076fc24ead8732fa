// The declarativeNetRequest session rules for one trial, as plain data (src/shared loads no chrome
// types; the shape matches chrome.declarativeNetRequest.Rule). Scoped as tightly as Chromium
// allows: this tab only, requests from the page's own domain, this URL, these methods, this
// resource type.
import { lowerAscii } from '../cors/headers';
import type { TrialPlan } from './trial-plan';
import type { HeaderChange } from './trial-mark';

export interface DnrHeaderInfo {
  readonly header: string;
  readonly operation: 'set' | 'append' | 'remove';
  readonly value?: string;
}

export interface DnrRule {
  readonly id: number;
  readonly priority: number;
  readonly condition: {
    readonly tabIds: readonly number[];
    /** The page's domain (subdomains match too): absent only for an opaque page origin. */
    readonly initiatorDomains?: readonly string[];
    readonly regexFilter: string;
    readonly isUrlFilterCaseSensitive: true;
    readonly requestMethods: readonly string[];
    readonly resourceTypes: readonly string[];
  };
  readonly action: { readonly type: 'modifyHeaders'; readonly responseHeaders: readonly DnrHeaderInfo[] };
}

/** The methods a DNR condition can name; any other method is matched by 'other'. */
const DNR_METHODS: ReadonlySet<string> = new Set(['connect', 'delete', 'get', 'head', 'options', 'patch', 'post', 'put']);

export function dnrMethod(method: string): string {
  const lower = lowerAscii(method);
  return DNR_METHODS.has(lower) ? lower : 'other';
}

function headerInfo(change: HeaderChange): DnrHeaderInfo {
  return change.operation === 'remove'
    ? { header: change.header, operation: 'remove' }
    : { header: change.header, operation: change.operation, value: change.value };
}

/** One rule for the actual response, and one for the preflight when the call needs one. Ids are
 * `firstId` and `firstId + 1`. `pageDomain` limits the rules to requests the page's own domain
 * makes (see credentials-warning.ts), so another frame in the tab cannot ride on them. */
export function trialRules(plan: TrialPlan, tabId: number, firstId: number, pageDomain: string | null): DnrRule[] {
  const rule = (id: number, methods: readonly string[], changes: readonly HeaderChange[]): DnrRule => ({
    id,
    priority: 1,
    condition: {
      tabIds: [tabId],
      ...(pageDomain === null ? {} : { initiatorDomains: [pageDomain] }),
      regexFilter: plan.urlPattern,
      isUrlFilterCaseSensitive: true,
      requestMethods: methods,
      resourceTypes: [plan.resourceType],
    },
    action: { type: 'modifyHeaders', responseHeaders: changes.map(headerInfo) },
  });
  const actual = rule(firstId, [dnrMethod(plan.method)], plan.responseChanges);
  return plan.preflight ? [actual, rule(firstId + 1, ['options'], plan.preflightChanges)] : [actual];
}
