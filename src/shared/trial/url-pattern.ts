// The URL condition of a trial rule, as an anchored regular expression. A regexFilter rather than
// a urlFilter, because urlFilter gives `*`, `^` and `|` special meaning and cannot escape them,
// and those characters are legal in URLs. RE2 (DNR) and JavaScript read the escaped form alike.

/** exact-url: this URL only. path: this URL with any query string (pages that add cache-busting
 * parameters send a new URL on every reload). */
export type TrialScope = 'exact-url' | 'path';

export const TRIAL_SCOPES: readonly TrialScope[] = ['exact-url', 'path'];

export function isTrialScope(value: unknown): value is TrialScope {
  return value === 'exact-url' || value === 'path';
}

export function escapeRegex(literal: string): string {
  return literal.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/** null for a URL that is not http(s): DNR modifyHeaders only applies there. */
export function trialUrlPattern(url: string, scope: TrialScope): string | null {
  if (!/^https?:\/\/[^/?#]+/i.test(url)) return null;
  const withoutFragment = url.replace(/#.*$/, '');
  if (scope === 'exact-url') return `^${escapeRegex(withoutFragment)}$`;
  const base = withoutFragment.replace(/\?.*$/, '');
  return `^${escapeRegex(base)}(\\?.*)?$`;
}
