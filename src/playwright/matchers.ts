// `expect.extend` matchers: `expect(page).toHaveNoCorsErrors()`,
// `expect(page).toHaveCorsError(code, { url })` and `expect(call).toBeAllowed()`.
import { expect as baseExpect, type Expect, type ExpectMatcherState, type MatcherReturnType, type Page } from '@playwright/test';
import type { CorsError } from '../shared/cors/types';
import type { ReportCall } from '../shared/report';
import { printable } from '../shared/printable';
import { describeCall, describeCalls } from './describe-call';
import { tabIdOfPage } from './lens';
import { callFor, pageFor } from './matcher-input';
import { readCorsReport } from './read-report';

export interface CorsErrorFilter {
  /** A substring of the call's URL (before or after redirects), or a pattern it matches. */
  readonly url?: string | RegExp;
}

function urlMatches(call: ReportCall, url: string | RegExp | undefined): boolean {
  if (url === undefined) return true;
  return [call.url, call.finalUrl].some((u) => (typeof url === 'string' ? u.includes(url) : url.test(u)));
}

/** Reads the page's calls until `done` holds or the expect timeout passes, like web-first assertions. */
async function pollCalls(
  page: Page,
  timeout: number,
  done: (calls: readonly ReportCall[]) => boolean,
): Promise<readonly ReportCall[]> {
  const context = page.context();
  const tabId = await tabIdOfPage(context, page);
  const deadline = Date.now() + timeout;
  for (;;) {
    const remaining = Math.max(0, deadline - Date.now());
    const { calls } = await readCorsReport(context, { tabId, settleTimeout: Math.min(remaining, 2_000) });
    if (done(calls) || Date.now() >= deadline) return calls;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const isBlocked = (call: ReportCall) => call.outcome === 'blocked';

/** Passes when no call the page has made so far was blocked by CORS (calls in flight are awaited
 * for a moment); wait for the page's own sign that its requests are done before asserting. */
async function toHaveNoCorsErrors(this: ExpectMatcherState, received: Page): Promise<MatcherReturnType> {
  const page = pageFor('toHaveNoCorsErrors', received);
  // A blocked call never leaves the log, so only `.not` (waiting for one to show up) polls.
  const calls = await pollCalls(page, this.timeout, (c) => !this.isNot || c.some(isBlocked));
  const blocked = calls.filter(isBlocked);
  const pass = blocked.length === 0;
  return {
    name: 'toHaveNoCorsErrors',
    pass,
    message: () =>
      pass
        ? `expect(page).not.toHaveNoCorsErrors()\n\nNo call on ${printable(page.url())} was blocked by CORS. Calls seen:\n${describeCalls(calls)}`
        : `expect(page).toHaveNoCorsErrors()\n\n${blocked.length} call(s) on ${printable(page.url())} blocked by CORS:\n\n${describeCalls(blocked)}`,
  };
}

/** Waits (up to the expect timeout) for a call from the page blocked with `code`. */
async function toHaveCorsError(
  this: ExpectMatcherState,
  received: Page,
  code: CorsError,
  filter: CorsErrorFilter = {},
): Promise<MatcherReturnType> {
  const page = pageFor('toHaveCorsError', received);
  const matching = (calls: readonly ReportCall[]) =>
    calls.filter((c) => isBlocked(c) && c.corsError?.code === code && urlMatches(c, filter.url));
  const calls = await pollCalls(page, this.timeout, (c) => this.isNot || matching(c).length > 0);
  const found = matching(calls);
  const pass = found.length > 0;
  const where = filter.url === undefined ? '' : ` for a URL matching ${String(filter.url)}`;
  return {
    name: 'toHaveCorsError',
    pass,
    expected: code,
    message: () =>
      pass
        ? `expect(page).not.toHaveCorsError(${code})\n\n${found.length} call(s) on ${printable(page.url())} blocked with ${code}${where}:\n\n${describeCalls(found)}`
        : `expect(page).toHaveCorsError(${code})\n\nNo call on ${printable(page.url())} was blocked with ${code}${where} within ${this.timeout}ms. Calls seen:\n\n${describeCalls(calls)}`,
  };
}

function toBeAllowed(this: ExpectMatcherState, received: ReportCall): MatcherReturnType {
  const call = callFor('toBeAllowed', received);
  const pass = call.outcome === 'allowed';
  return {
    name: 'toBeAllowed',
    pass,
    expected: 'allowed',
    actual: call.outcome,
    message: () =>
      pass
        ? `expect(call).not.toBeAllowed()\n\nThe call was allowed:\n${describeCall(call)}`
        : `expect(call).toBeAllowed()\n\nThe call was not allowed:\n${describeCall(call)}`,
  };
}

export const corsMatchers = { toHaveNoCorsErrors, toHaveCorsError, toBeAllowed };

// Typed by hand so the published declarations name @playwright/test, not its inner packages.
export const expect: Expect<typeof corsMatchers> = baseExpect.extend(corsMatchers);
