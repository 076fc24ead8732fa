// What the matchers receive, checked before use: `expect(corsLens).toHaveNoCorsErrors()` or
// `expect(calls).toBeAllowed()` get a sentence saying what to pass instead of a TypeError from
// deep inside the kit.
import type { Page } from '@playwright/test';
import type { ReportCall } from '../shared/report';

function has(value: unknown, key: string): boolean {
  return typeof value === 'object' && value !== null && key in value;
}

function isPage(value: unknown): value is Page {
  return has(value, 'context') && has(value, 'mainFrame') && typeof (value as Page).context === 'function';
}

function received(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'string') return `the string "${value}"`;
  if (typeof value !== 'object') return typeof value;
  if (has(value, 'calls') && has(value, 'page')) return 'the corsLens fixture';
  return `an object with keys ${Object.keys(value).slice(0, 5).join(', ') || '(none)'}`;
}

/** The page a page matcher (`toHaveNoCorsErrors`, `toHaveCorsError`) was given, or why not. */
export function pageFor(matcher: string, value: unknown): Page {
  if (isPage(value)) return value;
  const hint = has(value, 'calls') && has(value, 'page') ? ' (pass corsLens.page, or the test\'s page)' : '';
  throw new Error(`expect(page).${matcher}(): expected a Playwright Page, received ${received(value)}${hint}`);
}

/** The call `toBeAllowed` was given, or why not. */
export function callFor(matcher: string, value: unknown): ReportCall {
  if (has(value, 'outcome') && has(value, 'url')) return value as ReportCall;
  const hint = Array.isArray(value) ? ' (pick one call, e.g. calls[0], or assert each)' : '';
  throw new Error(
    `expect(call).${matcher}(): expected one call from corsLens.calls(), received ${received(value)}${hint}`,
  );
}
