// HAR import: how long `cors-lens explain` (and the panel's HAR import) takes to pair a HAR's
// entries into calls. The worst cases issues found: 30,000 preflights whose actual request never
// came, each of which used to search the whole entry list; and N preflights to one URL followed by
// their N actual requests, where each preflight walked past the actual requests already paired.
import { harToCalls } from '../src/shared/har-to-calls';
import type { BenchSection, Figure } from './figure';
import { median } from './stats';

const SECTION = 'HAR import';

function lonePreflights(count: number): unknown {
  const entries = Array.from({ length: count }, (_, i) => ({
    startedDateTime: new Date(Date.UTC(2026, 0, 1) + i).toISOString(),
    time: 1,
    request: {
      method: 'OPTIONS',
      url: `http://api.test/items/${i}`,
      headers: [
        { name: 'Origin', value: 'http://app.test' },
        { name: 'Access-Control-Request-Method', value: 'PUT' },
      ],
    },
    response: { status: 0, headers: [], redirectURL: '' },
    _error: 'net::ERR_FAILED',
  }));
  return { log: { version: '1.2', entries } };
}

/** `count` preflights to one URL, then the `count` actual requests they announced (a page that
 * starts many identical calls at once). */
function sameUrlPairs(count: number): unknown {
  const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + i).toISOString();
  const url = 'http://api.test/items';
  const preflights = Array.from({ length: count }, (_, i) => ({
    startedDateTime: at(i),
    time: 1,
    request: {
      method: 'OPTIONS',
      url,
      headers: [
        { name: 'Origin', value: 'http://app.test' },
        { name: 'Access-Control-Request-Method', value: 'PUT' },
      ],
    },
    response: { status: 204, headers: [{ name: 'Access-Control-Allow-Origin', value: 'http://app.test' }], redirectURL: '' },
  }));
  const actuals = Array.from({ length: count }, (_, i) => ({
    startedDateTime: at(count + i),
    time: 1,
    request: { method: 'PUT', url, headers: [{ name: 'Origin', value: 'http://app.test' }] },
    response: { status: 200, headers: [{ name: 'Access-Control-Allow-Origin', value: 'http://app.test' }], redirectURL: '' },
  }));
  return { log: { version: '1.2', entries: [...preflights, ...actuals] } };
}

/** Milliseconds of CPU time to turn the HAR into calls. */
function pairingMs(har: unknown, count: number): number {
  const started = process.cpuUsage();
  const calls = harToCalls(har);
  const { user, system } = process.cpuUsage(started);
  if (calls.length !== count) throw new Error(`expected ${count} calls, got ${calls.length}`);
  return (user + system) / 1000;
}

export const harPairingSection: BenchSection = {
  name: SECTION,
  run({ runs, quick }) {
    const count = quick ? 3_000 : 30_000;
    const har = lonePreflights(count);
    const times = Array.from({ length: runs }, () => pairingMs(har, count));
    // Linear pairing takes twice as long for twice the pairs; the quadratic one took 3x (10k ->
    // 20k) and 4.7x (20k -> 40k). The smaller run is the baseline, measured in the same run.
    const pairs = quick ? 5_000 : 20_000;
    const pairTimes = (n: number) => {
      const doc = sameUrlPairs(n);
      return median(Array.from({ length: runs }, () => pairingMs(doc, n)));
    };
    const half = pairTimes(pairs / 2);
    const full = pairTimes(pairs);
    const figures: Figure[] = [
      {
        section: SECTION,
        name: `${count.toLocaleString('en')} lone preflights to calls (harToCalls)`,
        value: Math.round(median(times)),
        unit: 'ms',
        target: { op: '<', value: 1_000 },
        note: `median of ${runs} runs, CPU time`,
      },
      {
        section: SECTION,
        name: `${pairs.toLocaleString('en')} preflight + request pairs, one URL`,
        value: Math.round(full),
        unit: 'ms',
        target: { op: '<', value: 1_000 },
        note: `median of ${runs} runs, CPU time`,
      },
      {
        section: SECTION,
        name: `  same, ${pairs.toLocaleString('en')} / ${(pairs / 2).toLocaleString('en')} pairs`,
        value: full / half,
        unit: 'x',
        target: { op: '<', value: 2.6 },
        note: `${Math.round(half)} ms for ${(pairs / 2).toLocaleString('en')}; 2x is linear`,
      },
    ];
    return Promise.resolve(figures);
  },
};
