// What a trial on a call that carried credentials lets the page do, in one plain sentence. The
// panel shows it and asks before the rule is added; the background refuses such a trial unless
// the panel says the user agreed.
import { parseUrl } from '../cors/url';
import { TRIAL_LIFETIME_MS } from './trial-record';
import type { TrialPlan } from './trial-plan';

/** The warning for a plan whose rule lets the page read a credentialed response, or null when the
 * call did not carry credentials (the rule then exposes nothing a cookie protects). */
export function credentialsWarning(plan: TrialPlan, pageOrigin: string): string | null {
  if (!plan.config.credentials) return null;
  const target = parseUrl(plan.url)?.origin ?? plan.url;
  const minutes = Math.round(TRIAL_LIFETIME_MS / 60_000);
  return (
    `This call carried your cookies or other credentials to ${target}. With this rule, ${pageOrigin} will be able to ` +
    `read that response, sent with your cookies, for up to ${minutes} minutes in this tab.`
  );
}

/** The page's domain, for the rule's `initiatorDomains`: null for an opaque origin, which has none. */
export function pageDomain(pageOrigin: string): string | null {
  const parsed = parseUrl(pageOrigin);
  return parsed === null || parsed.host === '' || parsed.origin === 'null' ? null : parsed.host;
}
