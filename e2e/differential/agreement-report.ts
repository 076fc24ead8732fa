// Collects one row per scenario and writes the agreement table. Playwright replaces its worker
// after a failed test, so rows go to a file keyed by the test run (the runner's pid), and the
// table is rewritten from that file whenever a worker finishes. The file lives outside
// test-results/, which any other Playwright run in the repo empties when it starts.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { ABSENT, formatVerdict } from './compare';
import type { RequestRow, ScenarioRow } from './run-scenario';
import type { Scenario } from './scenarios';

const RESULTS = resolve(import.meta.dirname, '../../test-results');
const ROWS_FILE = resolve(tmpdir(), 'cors-lens-differential-rows.json');
export const TABLE_FILE = resolve(RESULTS, 'differential-agreement.md');

interface RowStore {
  readonly run: number;
  readonly rows: Record<string, ScenarioRow>;
}

const RUN = process.ppid;

function load(): RowStore {
  try {
    const parsed = JSON.parse(readFileSync(ROWS_FILE, 'utf8')) as RowStore;
    if (parsed.run === RUN) return parsed;
  } catch {
    // first row of this run
  }
  return { run: RUN, rows: {} };
}

export function saveRow(row: ScenarioRow): void {
  const store = load();
  store.rows[row.id] = row;
  mkdirSync(dirname(ROWS_FILE), { recursive: true });
  writeFileSync(ROWS_FILE, JSON.stringify(store));
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Differences that belong to the scenario rather than one request. */
export function scenarioDiffs(row: ScenarioRow): string[] {
  const seen = row.requests.filter((r) => r.cdp !== null).length;
  return [...row.missingWarnings.map((w) => `warning ${w}`), ...(row.lensCalls === seen ? [] : [`${row.lensCalls} calls for ${seen} requests`])];
}

function requestLabel(row: ScenarioRow, r: RequestRow): string {
  return row.requests.length > 1 ? `${row.id} #${r.index + 1}` : row.id;
}

/** Writes the Markdown table and returns the one-line summary. */
export function writeAgreement(scenarios: readonly Pick<Scenario, 'id'>[], browserVersion: string): string {
  const { rows } = load();
  const ran = scenarios.flatMap((s) => (rows[s.id] ? [rows[s.id] as ScenarioRow] : []));
  const observable = ran.filter((r) => !r.notObservable);
  const hidden = ran.filter((r) => r.notObservable);
  const agreeing = observable.filter((r) => r.agree).length;
  const percent = observable.length === 0 ? 0 : (100 * agreeing) / observable.length;
  const requestRows = observable.flatMap((r) => r.requests);
  const requestAgree = requestRows.filter((r) => r.diffs.length === 0).length;
  const summary =
    `Differential: ${agreeing}/${observable.length} observable scenarios agree (${percent.toFixed(1)}%), ` +
    `${requestAgree}/${requestRows.length} requests; ${hidden.filter((r) => r.agree).length}/${hidden.length} not-observable ` +
    `scenarios without a wrong verdict; ${ran.length}/${scenarios.length} scenarios run. Table: test-results/differential-agreement.md`;

  const lines: string[] = [
    '# CORS Lens vs Chromium: differential agreement',
    '',
    `Chromium: ${browserVersion}. Generated ${new Date().toISOString()} by \`npx playwright test e2e/differential\`.`,
    '',
    `**${summary}**`,
    '',
    'Chromium = `Network.loadingFailed.corsErrorStatus` / `errorText` and preflights (`initiator.type === "preflight"`) over CDP;',
    'CORS Lens = `readCorsReport`. "preflight cached" on the Chromium side: no OPTIONS went out, and the same request to a fresh URL needed one.',
    '',
    '## Observable scenarios',
    '',
    '| # | group | scenario | Chromium | CORS Lens | agree? | differs in |',
    '|---|---|---|---|---|---|---|',
  ];
  let n = 0;
  for (const row of observable) {
    for (const r of row.requests) {
      n++;
      const diffs = [...r.diffs, ...(r.index === 0 ? scenarioDiffs(row) : [])];
      const warnings = r.call && r.call.warnings.length > 0 ? ` · warns ${r.call.warnings.join(', ')}` : '';
      lines.push(
        `| ${n} | ${row.group} | ${cell(requestLabel(row, r))} | ${cell(formatVerdict(r.chromium))} | ${cell(formatVerdict(r.lens) + warnings)} | ${diffs.length === 0 ? 'yes' : '**NO**'} | ${diffs.join(', ')} |`,
      );
    }
  }
  lines.push(
    '',
    '## Not observable by a webRequest observer',
    '',
    'Chromium decides these in the renderer (or the call never leaves the page origin); CORS Lens must not show a wrong verdict.',
    '',
    '| scenario | why | Chromium (CDP / Issues / script) | CORS Lens | no wrong verdict? |',
    '|---|---|---|---|---|',
  );
  for (const row of hidden) {
    const r = row.requests[0];
    if (r === undefined) continue;
    const chromium = `${formatVerdict(r.chromium)}${r.page.error ? ` — script: ${r.page.error}` : ''}`;
    lines.push(`| ${row.id} | ${cell(row.note)} | ${cell(chromium)} | ${row.lensCalls === 0 ? 'no call' : cell(formatVerdict(r.lens))} | ${row.agree ? 'yes' : '**NO**'} |`);
  }
  const drift = ran.filter((r) => !r.asDesigned);
  if (drift.length > 0) {
    lines.push('', '## Scenarios that did not provoke what they were written for', '');
    for (const row of drift) lines.push(`- ${row.id}: written for ${row.designedFor}, Chromium said ${formatVerdict(row.requests[0]?.chromium ?? ABSENT)}`);
  }
  const disagreements = ran.filter((r) => !r.agree);
  lines.push('', `## Disagreements (${disagreements.length})`, '');
  for (const row of disagreements) lines.push(...disagreementDetails(row), '');
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(TABLE_FILE, `${lines.join('\n')}\n`);
  return summary;
}

export function disagreementDetails(row: ScenarioRow): string[] {
  const lines = [`### ${row.group} › ${row.id}`, '', `Scenario: ${row.note}`, ''];
  for (const r of row.requests) {
    const label = row.requests.length > 1 ? `request #${r.index + 1}: ` : '';
    lines.push(`- ${label}Chromium: ${formatVerdict(r.chromium)}${r.chromium.finalUrl ? ` (final URL ${r.chromium.finalUrl})` : ''}`);
    if (r.cdp) {
      const pf = r.cdp.preflights.map((p) => `${p.url} → ${p.status ?? p.errorText ?? '?'}`).join('; ');
      lines.push(`  - CDP: urls ${r.cdp.urls.join(' → ')}; request headers in Chromium's order [${r.cdp.headerOrder.join(', ')}]; failure ${JSON.stringify(r.cdp.failure)}; preflights [${pf}]`);
    }
    lines.push(`- ${label}CORS Lens: ${formatVerdict(r.lens)}${r.lens.finalUrl ? ` (final URL ${r.lens.finalUrl})` : ''}; differs in: ${r.diffs.join(', ') || '-'}`);
    if (r.call) {
      lines.push(`  - explanation: ${r.call.explanation}`);
      if (r.call.assumptions.length > 0) lines.push(`  - assumptions: ${r.call.assumptions.join(' / ')}`);
      if (r.call.warnings.length > 0) lines.push(`  - warnings: ${r.call.warnings.join(', ')}`);
      lines.push(`  - credentials: ${r.call.credentials}; preflight ${JSON.stringify(r.call.preflight)}; redirects ${JSON.stringify(r.call.redirects)}`);
    }
    lines.push(`- ${label}script saw: ${JSON.stringify(r.page)}`);
  }
  if (row.missingWarnings.length > 0) lines.push(`- Chromium raised the DevTools issue(s) ${row.missingWarnings.join(', ')}; CORS Lens raised no such warning`);
  if (row.issues.length > 0) lines.push(`- DevTools issues: ${row.issues.map((i) => `${i.corsError}(${i.failedParameter})${i.isWarning ? ' warning' : ''}`).join(', ')}`);
  lines.push(`- CORS Lens calls: ${row.lensCalls}`, '- Wire (as the server saw it):', '', '```');
  for (const x of row.wire) {
    lines.push(`${x.kind === 'preflight' ? 'PREFLIGHT' : 'REQUEST'} hop ${x.hop}: ${x.method} ${x.url}`);
    for (const [name, value] of x.requestHeaders) lines.push(`  > ${name}: ${value}`);
    lines.push(`  < ${x.fault ? `[${x.fault}] ` : ''}${x.status}`);
    for (const [name, value] of x.responseHeaders) lines.push(`  < ${name}: ${value}`);
  }
  lines.push('```');
  return lines;
}
