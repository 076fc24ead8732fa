// HAR import: how long `cors-lens explain` (and the panel's HAR import) takes to pair a HAR's
// entries into calls. The worst case the issue found: 30,000 preflights whose actual request
// never came, each of which used to search the whole entry list.
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
    const figures: Figure[] = [
      {
        section: SECTION,
        name: `${count.toLocaleString('en')} lone preflights to calls (harToCalls)`,
        value: Math.round(median(times)),
        unit: 'ms',
        target: { op: '<', value: 1_000 },
        note: `median of ${runs} runs, CPU time`,
      },
    ];
    return Promise.resolve(figures);
  },
};
