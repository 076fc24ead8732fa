// Page overhead: how much longer a page's burst of cross-origin calls takes with CORS Lens
// installed than with no extension; than with a no-op extension that listens to every webRequest
// event with extraHeaders (the floor of capturing this way); and, paused, than an idle extension
// with the webRequest permission but no listeners (what pausing can at best get back to). And
// with the capture scope set to "tabs with DevTools open": on a tab that is not inspected (held to
// the idle extension) and on the inspected one (held to the floor). Each browser is launched once;
// every round times the same workload in each, in rotating order, timed by the page itself.
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithCorsLens, launchWithoutExtension, type PlainBrowser } from '../src/playwright/launch';
import type { SeamsBuildGlobal } from '../src/background/seams-build-seam';
import type { BenchOptions, BenchSection, Figure } from './figure';
import { inspectedScope } from './scope-variants';
import { median, rotation } from './stats';
import { BENCH_HOSTS, startWorkloadServer, timeBatch, type Batch } from './workload-server';

const SECTION = 'Page overhead';
const ROOT = resolve(import.meta.dirname, '..');
// The seams build: pausing goes through its test seam.
const CORS_LENS = resolve(ROOT, 'dist-seams');
const NOOP = resolve(ROOT, 'bench/noop-extension');
const IDLE = resolve(ROOT, 'bench/idle-extension');

export interface Variant {
  readonly name: string;
  open(): Promise<PlainBrowser>;
  /** Runs once the measured page exists, before the first round; `appUrl` is the page it loads. */
  ready?(page: Page, appUrl: string): Promise<void>;
}

async function corsLens(paused: boolean): Promise<PlainBrowser> {
  const browser = await launchWithCorsLens({ extensionPath: CORS_LENS, hostResolverRules: BENCH_HOSTS });
  if (paused) {
    const listening = await browser.serviceWorker.evaluate(async () => {
      const seam = (globalThis as unknown as SeamsBuildGlobal).corsLens;
      await seam.setCapturePaused(true);
      return seam.isListening() || chrome.webRequest.onBeforeRequest.hasListeners();
    });
    if (listening) throw new Error('CORS Lens still has webRequest listeners after pausing');
  }
  return browser;
}

/** More extensions to measure beside the standard ones, for comparing listener sets:
 * CORS_LENS_BENCH_EXTENSIONS="name=/path/to/unpacked;other=/path". Printed without targets. */
function extraVariants(): Variant[] {
  const spec = process.env.CORS_LENS_BENCH_EXTENSIONS ?? '';
  return spec
    .split(';')
    .filter((entry) => entry.trim() !== '')
    .map((entry) => {
      const [name, path] = entry.split('=');
      if (!name || !path) throw new Error(`CORS_LENS_BENCH_EXTENSIONS: expected name=path, got "${entry}"`);
      return { name, open: () => launchWithCorsLens({ extensionPath: resolve(path), hostResolverRules: BENCH_HOSTS }) };
    });
}

const VARIANTS: readonly Variant[] = [
  { name: 'no extension', open: () => launchWithoutExtension({ hostResolverRules: BENCH_HOSTS }) },
  { name: 'floor', open: () => launchWithCorsLens({ extensionPath: NOOP, hostResolverRules: BENCH_HOSTS }) },
  { name: 'idle extension', open: () => launchWithCorsLens({ extensionPath: IDLE, hostResolverRules: BENCH_HOSTS }) },
  { name: 'CORS Lens', open: () => corsLens(false) },
  { name: 'CORS Lens paused', open: () => corsLens(true) },
  inspectedScope('inspected scope, DevTools on another tab', 'another tab'),
  inspectedScope('inspected scope, no DevTools open', 'no tab'),
  inspectedScope('inspected scope, the inspected tab', 'measured tab'),
];

async function run(options: BenchOptions): Promise<Figure[]> {
  const variants = [...VARIANTS, ...extraVariants()];
  const workload = { total: options.quick ? 200 : 2000, inFlight: 50 };
  const server = await startWorkloadServer();
  const opened: { variant: Variant; browser: PlainBrowser; page: Page }[] = [];
  try {
    for (const variant of variants) {
      const browser = await variant.open();
      const page = await browser.context.newPage();
      await variant.ready?.(page, server.appUrl);
      opened.push({ variant, browser, page });
    }
    const times = new Map<string, number[]>(variants.map((v) => [v.name, []]));
    // Round 0 warms up connections, caches and JIT in every browser, and is not counted.
    for (let round = 0; round <= options.runs; round++) {
      for (const { variant, page } of rotation(opened, round)) {
        // A fresh document per round: new loaders, and CORS Lens starts the tab's log afresh.
        await page.goto(server.appUrl);
        const batch: Batch = { ...workload, label: `r${round}-${variant.name.replace(/\W/g, '')}` };
        const ms = await timeBatch(page, server.apiOrigin, batch);
        if (round > 0) times.get(variant.name)?.push(ms);
      }
    }
    return figures(times, variants, options.runs, workload.total);
  } finally {
    await Promise.all(opened.map(({ browser }) => browser.close()));
    await server.close();
  }
}

function figures(times: Map<string, number[]>, variants: readonly Variant[], runs: number, total: number): Figure[] {
  const samples = (name: string) => times.get(name) ?? [];
  /** Median over rounds of a/b, each pair timed in the same round. */
  const ratio = (a: string, b: string) => median(samples(a).map((ms, i) => ms / (samples(b)[i] ?? NaN)));
  const note = `median of ${runs} rounds, ${total.toLocaleString('en')} calls, half preflighted, 50 in flight`;
  /** The ratio a / b as a figure, held to `atMost` when given. */
  const ratioFigure = (name: string, a: string, b: string, atMost?: number): Figure => ({
    section: SECTION,
    name,
    value: ratio(a, b),
    unit: 'x',
    ...(atMost === undefined ? {} : { target: { op: '<=', value: atMost } }),
    note,
  });
  const standard: Figure[] = [
    { section: SECTION, name: 'no extension: time for the batch', value: median(samples('no extension')), unit: 'ms', note },
    ratioFigure('floor (no-op, all events, extraHeaders) / no extension', 'floor', 'no extension'),
    ratioFigure('CORS Lens / no extension', 'CORS Lens', 'no extension', 1.3),
    ratioFigure('CORS Lens / floor', 'CORS Lens', 'floor', 1.0),
    ratioFigure('CORS Lens paused / no extension', 'CORS Lens paused', 'no extension', 1.05),
    ratioFigure('idle extension (no listeners) / no extension', 'idle extension', 'no extension'),
    ratioFigure('CORS Lens paused / idle extension', 'CORS Lens paused', 'idle extension', 1.05),
    // Capture scope "tabs with DevTools open". "CORS Lens" above is the "all tabs" scope, where
    // every tab, inspected or not, pays the same.
    ratioFigure('inspected scope: tab not inspected / no extension', 'inspected scope, DevTools on another tab', 'no extension'),
    ratioFigure('inspected scope: tab not inspected / idle extension', 'inspected scope, DevTools on another tab', 'idle extension', 1.05),
    ratioFigure('inspected scope, no DevTools open / idle extension', 'inspected scope, no DevTools open', 'idle extension', 1.05),
    ratioFigure('inspected scope: inspected tab / no extension', 'inspected scope, the inspected tab', 'no extension'),
    ratioFigure('inspected scope: inspected tab / floor', 'inspected scope, the inspected tab', 'floor', 1.0),
  ];
  const extra = variants.filter((v) => !VARIANTS.includes(v)).map((v) => ratioFigure(`${v.name} / no extension`, v.name, 'no extension'));
  return [...standard, ...extra];
}

export const pageOverhead: BenchSection = { name: `${SECTION} (overhead)`, run };
