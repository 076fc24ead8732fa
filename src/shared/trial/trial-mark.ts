// What CORS Lens records about a trial: the response-header changes one of its own
// declarativeNetRequest rules made, and on which calls. A call that carries a TrialMark was made
// while such a rule was active for its tab and URL, so its outcome is not the server's own.

/** One response-header change, as a DNR `modifyHeaders` action makes it. */
export interface HeaderChange {
  /** Lower-case header name. */
  readonly header: string;
  /** set: replace every line of it; append: add to what the server sent; remove: drop it. */
  readonly operation: 'set' | 'append' | 'remove';
  /** '' for remove. */
  readonly value: string;
}

export interface TrialMark {
  /** The trial's id (also in the panel's list of rules). */
  readonly trialId: string;
  /** The rule's URL condition as an anchored regular expression (RE2 and JavaScript read it alike). */
  readonly urlPattern: string;
  /** Changes made to the preflight (OPTIONS) response. */
  readonly preflightChanges: readonly HeaderChange[];
  /** Changes made to the actual response. */
  readonly responseChanges: readonly HeaderChange[];
}

/** Said wherever a trialled call appears: panel, reports, HAR. */
export const TRIAL_NOTE = "allowed under a CORS Lens trial rule — not the server's real behaviour";

/** Said of a trialled call whatever its outcome: the headers it was judged on were ours. */
export const TRIAL_CALL_NOTE =
  'Made while a CORS Lens trial rule changed its response headers in this tab; its outcome is not the server\'s real behaviour.';
