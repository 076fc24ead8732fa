// Smoke tests of the markup tests and users rely on, rendered to a string in Node (no DOM).
// createElement rather than JSX: vitest.config.ts collects only *.test.ts files.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { cutLinesNote } from '../../shared/header-cap';
import { BIDI_OVERRIDE, C1_CSI, RAW_UNPRINTABLE, TERMINAL_ESCAPES } from '../../shared/unprintable-test-values';
import type { ObservedCall } from '../../shared/observed-call';
import { call, hop, preflight, verdict } from '../state/test-calls';
import { CallDetail } from './call-detail';
import { CallList } from './call-list';
import { Counters } from './counters';
import { RequestFailed } from './status-views';
import { TruncatedText } from './truncated-text';

const noop = (): void => {};

const blockedCall = call('b1', {
  method: 'PUT',
  state: 'errored',
  error: 'net::ERR_FAILED',
  hops: [
    hop('https://api.test/items', {
      preflight: preflight('https://api.test/items', {
        response: {
          status: 204,
          headers: [
            { name: 'Access-Control-Allow-Origin', value: '<img src=x onerror=alert(1)>' },
            { name: 'Content-Length', value: '0' },
          ],
          fromCache: false,
          ip: null,
        },
      }),
      requestHeaders: null,
      response: null,
    }),
  ],
});
const blockedVerdict = verdict({
  outcome: 'blocked',
  corsError: { code: 'PreflightAllowOriginMismatch', failedParameter: '' },
  networkError: 'net::ERR_FAILED',
  phase: 'preflight',
  hopIndex: 0,
  header: { where: 'preflight-response', name: 'Access-Control-Allow-Origin', value: '<img src=x onerror=alert(1)>' },
  explanation: 'The preflight allowed another origin.',
  fix: 'Echo the Origin.',
  warnings: [{ code: 'MissingVaryOrigin', message: 'Add Vary: Origin.' }],
  assumptions: ['Credentials mode inferred.'],
});

describe('CallDetail', () => {
  const html = renderToStaticMarkup(createElement(CallDetail, { call: blockedCall, verdict: blockedVerdict, onClose: noop }));

  test('has the why-blocked card with its code, warnings and assumptions', () => {
    expect(html).toContain('data-testid="call-detail"');
    expect(html).toMatch(/data-testid="why-blocked" data-code="PreflightAllowOriginMismatch"/);
    expect(html).toContain('data-testid="warning" data-code="MissingVaryOrigin"');
    expect(html).toContain('data-testid="assumption"');
    expect(html).toContain('Fix on your server');
  });

  test('shows the preflight step at fault and the actual request as not sent', () => {
    expect(html).toMatch(/data-testid="timeline-step" data-kind="preflight"[^>]*data-at-fault="true"/);
    expect(html).toMatch(/data-testid="timeline-step" data-kind="actual"[^>]*data-sent="false"/);
    expect(html).toMatch(/data-testid="header" data-name="access-control-allow-origin" data-cors="true" data-fault="true"/);
  });

  test('renders header values as text, never as markup', () => {
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  test('the card tells what the browser did, as text and a diagram with the failed step marked', () => {
    expect(html).toContain('data-testid="what-browser-did"');
    expect(html).toContain('data-testid="sequence-diagram"');
    expect(html).toMatch(/data-testid="sequence-step" data-status="fail" data-from="browser" data-to="browser"/);
    expect(html).toMatch(/data-testid="sequence-step" data-status="skipped" data-from="browser" data-to="server"/);
    expect(html).toMatch(/data-testid="sequence-step" data-status="fail" data-from="browser" data-to="page"/);
    // Order in the card: sentence, paragraph, diagram, fix.
    const order = ['The preflight allowed another origin.', 'what-browser-did', 'sequence-diagram', 'Fix on your server'];
    const at = order.map((needle) => html.indexOf(needle));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  test('shows the code spans of the checker\'s sentences as code, not backticks', () => {
    const spans = renderToStaticMarkup(
      createElement(CallDetail, {
        call: blockedCall,
        verdict: verdict({
          ...blockedVerdict,
          explanation: 'It needs `Access-Control-Allow-Origin: http://app.test:39365`.',
          fix: 'Send `Vary: Origin`.',
          warnings: [{ code: 'MissingVaryOrigin', message: 'Add `Vary: Origin`.' }],
        }),
        onClose: noop,
      }),
    );
    expect(spans).toContain('It needs <code>Access-Control-Allow-Origin: http://app.test:39365</code>.');
    expect(spans).toContain('Send <code>Vary: Origin</code>.');
    expect(spans).toContain('Add <code>Vary: Origin</code>.');
    expect(spans).not.toContain('`');
  });

  test('the server fix offers a stack picker, a snippet and a copy button', () => {
    expect(html).toContain('data-testid="fix-stack"');
    expect(html).toMatch(/data-testid="fix-snippet" data-stack="express"/);
    expect(html).toContain('data-testid="copy-fix"');
  });

  test('the preflight step can be copied as curl; the unsent request cannot', () => {
    expect(html).toMatch(/data-testid="copy-curl" data-kind="preflight"/);
    expect(html).not.toMatch(/data-testid="copy-curl" data-kind="actual"/);
    const sent = renderToStaticMarkup(createElement(CallDetail, { call: call('a2'), verdict: verdict(), onClose: noop }));
    expect(sent).toMatch(/data-testid="copy-curl" data-kind="actual"/);
  });

  test('marks a cached preflight', () => {
    const cached = renderToStaticMarkup(
      createElement(CallDetail, {
        call: call('c1'),
        verdict: verdict({ preflight: { required: true, status: null, fromCache: true } }),
        onClose: noop,
      }),
    );
    expect(cached).toContain('data-testid="preflight-cached"');
    expect(html).not.toContain('data-testid="preflight-cached"');
  });

  test('a network failure says it is not CORS and has an empty code', () => {
    const failed = renderToStaticMarkup(
      createElement(CallDetail, {
        call: call('f1', { state: 'errored', error: 'net::ERR_CONNECTION_REFUSED', hops: [hop('https://down.test/', { response: null })] }),
        verdict: verdict({ outcome: 'failed', networkError: 'net::ERR_CONNECTION_REFUSED' }),
        onClose: noop,
      }),
    );
    expect(failed).toMatch(/data-testid="why-blocked" data-code="" data-outcome="failed"/);
    expect(failed).toContain('not a CORS block');
  });

  test('an allowed call has no why-blocked card', () => {
    const allowed = renderToStaticMarkup(createElement(CallDetail, { call: call('a1'), verdict: verdict(), onClose: noop }));
    expect(allowed).not.toContain('why-blocked');
  });
});

describe('CallList', () => {
  test('rows carry the attributes tests select on', () => {
    const calls: readonly ObservedCall[] = [blockedCall, call('a1', { startedAt: 2000 })];
    const verdictOf = (c: ObservedCall) => (c === blockedCall ? blockedVerdict : verdict());
    const html = renderToStaticMarkup(createElement(CallList, { calls, selectedId: 'a1', onSelect: noop, verdictOf }));
    expect(html).toContain(
      'data-testid="cors-call" data-id="b1" data-url="https://api.test/items" data-method="PUT" data-outcome="blocked" data-code="PreflightAllowOriginMismatch"',
    );
    expect(html).toMatch(/aria-selected="true" tabindex="0"[^>]*data-id="a1"[^>]*data-code=""/);
  });
});

test('Counters exposes the numbers as attributes', () => {
  const html = renderToStaticMarkup(
    createElement(Counters, { total: 3, shown: 1, counters: { droppedCount: 4, sameOriginCount: 2, preserveLog: false } }),
  );
  expect(html).toContain('data-calls="3" data-shown="1" data-same-origin="2" data-dropped="4"');
  expect(html).toContain('1 of 3 calls · 2 same-origin not listed · 4 older dropped');
});

test('Counters says "storage full" only when the worker had to shed calls at the quota', () => {
  const counters = { droppedCount: 40, sameOriginCount: 0, preserveLog: false };
  const full = renderToStaticMarkup(createElement(Counters, { total: 9, shown: 9, counters: { ...counters, storageFull: true } }));
  expect(full).toContain('data-storage-full="true"');
  expect(full).toMatch(/data-testid="storage-full"[^>]*>storage full</);
  const notFull = renderToStaticMarkup(createElement(Counters, { total: 9, shown: 9, counters }));
  expect(notFull).toContain('data-storage-full="false"');
  expect(notFull).not.toContain('storage full');
});

test('a call whose checked CORS lines were cut at capture says its verdict may differ from Chromium', () => {
  const cutCall = call('c1', {
    hops: [
      hop('https://api.test/items', {
        response: { status: 200, headers: [cutLinesNote(4975, 4969)], fromCache: false, ip: null },
      }),
    ],
  });
  const html = renderToStaticMarkup(createElement(CallDetail, { call: cutCall, verdict: verdict(), onClose: noop }));
  expect(html).toMatch(/data-testid="checked-lines-cut" data-count="4969"/);
  expect(html).toContain('may differ from Chromium');
  const whole = renderToStaticMarkup(createElement(CallDetail, { call: call('a1'), verdict: verdict(), onClose: noop }));
  expect(whole).not.toContain('checked-lines-cut');
});

describe('RequestFailed', () => {
  test('says what could not be done and why, as an alert', () => {
    const html = renderToStaticMarkup(createElement(RequestFailed, { request: 'hello', error: 'quota <exceeded>' }));
    expect(html).toContain('data-testid="request-failed" data-request="hello" role="alert"');
    expect(html).toContain('could not read this tab&#x27;s log (quota &lt;exceeded&gt;).');
  });
});

test.each([
  [TERMINAL_ESCAPES, 'https://x.example␛]0;OWNED␇␛[2J'],
  [BIDI_OVERRIDE, 'https://x.example\\u202e/moc.elgoog'],
  [C1_CSI, 'https://x.example\\x9b2J'],
])('a header value %j shows no raw control, bidi or C1 character', (value, shown) => {
  // C0 and DEL as Control Pictures, tab as a tab, the rest as the escape every other output writes.
  const html = renderToStaticMarkup(createElement(TruncatedText, { value: `${value}\t\u200b` }));
  expect(html).not.toMatch(RAW_UNPRINTABLE);
  expect(html).toBe(`<span class="value">${shown}\t\\u200b</span>`);
});
