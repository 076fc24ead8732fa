import { describe, expect, test } from 'vitest';
import { API, hop, observedCall, PAGE, response } from './cors/test-calls';
import { isComplete, type ObservedCall, type ObservedHop } from './observed-call';

/** A hop that got an answer but whose request headers were not kept. */
function headerless(url: string, redirectTo: string | null = null): ObservedHop {
  const res = redirectTo === null ? response(200) : response(302, { Location: redirectTo });
  return { ...hop({ url, response: res, redirectUrl: redirectTo }), requestHeaders: null };
}

type Case = { name: string; call: ObservedCall; want: boolean };

const cases: readonly Case[] = [
  { name: 'every hop has its request headers', call: observedCall(), want: true },
  { name: 'a hop that got no answer needs no headers', call: observedCall({ state: 'errored', hops: [hop({ request: null, response: null })] }), want: true },
  { name: 'flagged incomplete by the worker', call: { ...observedCall(), incomplete: true }, want: false },
  { name: 'cross-origin hop answered without its headers', call: observedCall({ hops: [headerless(API)] }), want: false },
  {
    name: 'same-origin first hop redirected cross-origin (completed)',
    call: observedCall({ hops: [headerless(`${PAGE}/go`, API), hop()] }),
    want: true,
  },
  {
    name: 'same-origin first hop redirected cross-origin (errored)',
    call: observedCall({ state: 'errored', hops: [headerless(`${PAGE}/go`, API), hop({ response: response(200) })] }),
    want: true,
  },
  {
    name: 'two same-origin hops before the cross-origin one',
    call: observedCall({ hops: [headerless(`${PAGE}/a`, `${PAGE}/b`), headerless(`${PAGE}/b`, API), hop()] }),
    want: true,
  },
  {
    name: 'same-origin hop fine, but the cross-origin hop lacks its headers',
    call: observedCall({ hops: [headerless(`${PAGE}/go`, API), headerless(API)] }),
    want: false,
  },
  {
    name: 'same host over another scheme is cross-origin',
    call: observedCall({ hops: [headerless('http://app.example/go', API), hop()] }),
    want: false,
  },
  {
    name: 'origins compare canonically (case, default port)',
    call: observedCall({ hops: [headerless('HTTPS://APP.EXAMPLE:443/go', API), hop()] }),
    want: true,
  },
  {
    name: 'an opaque initiator is same-origin with nothing',
    call: observedCall({ initiator: 'null', hops: [headerless(`${PAGE}/go`, API), hop()] }),
    want: false,
  },
  {
    name: 'a cross-origin redirect hop lacking headers is still a gap',
    call: observedCall({ hops: [headerless(API, `${PAGE}/back`), hop({ url: `${PAGE}/back` })] }),
    want: false,
  },
];

describe('isComplete', () => {
  test.each(cases)('$name', ({ call, want }) => {
    expect(isComplete(call)).toBe(want);
  });
});
