// The report as Markdown for a bug ticket: environment, a summary table, and for each blocked call
// the header at fault, the CORS headers on the wire, a Mermaid sequence diagram and the fix.
import { callerLabel, callerTitle } from './caller';
import { splitCodeSpans } from './code-spans';
import { checkCall } from './cors/checker';
import { lowerAscii } from './cors/headers';
import { narrate, type ExchangeStep, type Party } from './cors/narrative';
import type { Verdict } from './cors/types';
import { serverFixFor } from './fixes/server-config';
import { renderSnippet, STACK_LABELS } from './fixes/snippets';
import type { HeaderLine, ObservedCall } from './observed-call';
import { printable } from './printable';
import { trialNote } from './report';

export interface MarkdownEnv {
  readonly browser: string;
  readonly pageOrigin: string;
  readonly generatedAt: Date;
}

const CORS_REQUEST_HEADERS: ReadonlySet<string> = new Set([
  'origin',
  'access-control-request-method',
  'access-control-request-headers',
  'access-control-request-private-network',
  'content-type',
  'authorization',
  'cookie',
  'sec-fetch-mode',
]);

function mattersRequest(name: string): boolean {
  return CORS_REQUEST_HEADERS.has(lowerAscii(name));
}

function mattersResponse(name: string): boolean {
  const lower = lowerAscii(name);
  return lower.startsWith('access-control-') || lower === 'vary' || lower === 'location' || lower === 'set-cookie';
}

/** Safe inside a table cell or running text: no pipe ends a cell, no backtick opens code, no
 * bracket, bang, star, underscore or tilde makes a link, image or emphasis, no < starts HTML, and
 * no control character reaches a terminal that shows the file. */
export function escapeMarkdown(value: string): string {
  return printable(value.replace(/[\r\n]+/g, ' '))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\|`[\]()!*_~]/g, '\\$&');
}

/** A code span whose fence is longer than any backtick run in the value, so the value cannot close
 * it; padded when the value starts or ends with a backtick. Everything inside renders as typed. */
export function codeSpan(value: string): string {
  const text = printable(value.replace(/[\r\n]+/g, ' '));
  const longest = (text.match(/`+/g) ?? []).reduce((most, run) => Math.max(most, run.length), 0);
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Explanations and fixes are our prose with `code` spans, some quoting wire values. The text
 * between spans is escaped and each span re-fenced, so a backtick inside a value cannot turn the
 * rest into live Markdown; an unpaired backtick stays a visible (escaped) character. */
function prose(text: string): string {
  return splitCodeSpans(text)
    .map((part) => (part.code ? codeSpan(part.text) : escapeMarkdown(part.text)))
    .join('');
}

function row(cells: readonly string[]): string {
  return `| ${cells.map(escapeMarkdown).join(' | ')} |`;
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [row(head), `|${head.map(() => ' --- |').join('')}`, ...rows.map(row)];
}

const PARTICIPANT: Record<Party, string> = { page: 'Page', browser: 'Browser', server: 'Server' };

const MERMAID_ENTITIES: Readonly<Record<string, string>> = { '#': '#35;', ';': '#59;', '<': '#lt;', '>': '#gt;', '%': '#37;' };

/** Mermaid treats `;` as a statement end, `#…;` as an entity, `%%` as a comment to the end of the
 * line and `%%{…}%%` as a directive that reconfigures the diagram, and may render labels as HTML.
 * One pass, so the `#` of an entity written here is not escaped again. */
function mermaidText(s: string): string {
  return printable(s.replace(/[\r\n]+/g, ' ')).replace(/[#;<>%]/g, (c) => MERMAID_ENTITIES[c] ?? c);
}

function arrow(step: ExchangeStep): string {
  switch (step.status) {
    case 'ok':
      return '->>';
    case 'fail':
      return '-x';
    case 'skipped':
      return '-->>';
  }
}

/** `pageTitle`: the caller's lifeline, "Page" or the worker that made the call. */
export function mermaidDiagram(steps: readonly ExchangeStep[], pageTitle = 'Page'): string[] {
  const out = ['```mermaid', 'sequenceDiagram', `  participant Page as ${pageTitle}`, '  participant Browser', '  participant Server'];
  for (const step of steps) {
    out.push(`  ${PARTICIPANT[step.from]}${arrow(step)}${PARTICIPANT[step.to]}: ${mermaidText(step.label)}`);
    if (step.detail !== null) out.push(`  Note over ${PARTICIPANT[step.to]}: ${mermaidText(step.detail)}`);
  }
  out.push('```');
  return out;
}

function headerRows(where: string, lines: readonly HeaderLine[] | null | undefined, keep: (n: string) => boolean): string[][] {
  return (lines ?? []).filter((h) => keep(h.name)).map((h) => [where, h.name, h.value]);
}

function wireHeaders(call: ObservedCall): string[] {
  const rows = call.hops.flatMap((hop, i) => {
    const label = call.hops.length > 1 ? ` (hop ${i + 1})` : '';
    const pf = hop.preflight;
    return [
      ...headerRows(`Preflight request${label}`, pf?.requestHeaders, mattersRequest),
      ...headerRows(`Preflight response${label}`, pf?.response?.headers, mattersResponse),
      ...headerRows(`Request${label}`, hop.requestHeaders, mattersRequest),
      ...headerRows(`Response${label}`, hop.response?.headers, mattersResponse),
    ];
  });
  return rows.length === 0 ? ['No CORS-relevant headers were captured.'] : table(['Where', 'Header', 'Value'], rows);
}

function faultLine(verdict: Verdict): string {
  const h = verdict.header;
  if (h === null) return 'Header at fault: not visible in the captured headers.';
  const value = h.value === null ? '(absent)' : codeSpan(h.value);
  return `Header at fault: **${escapeMarkdown(h.name)}** in the ${h.where.replace(/-/g, ' ')}: ${value}`;
}

function blockedSection(call: ObservedCall, verdict: Verdict, index: number): string[] {
  const code = verdict.corsError?.code ?? 'unknown';
  const url = call.hops[0]?.url ?? '';
  const out = [
    `### ${index}. ${escapeMarkdown(call.method)} ${escapeMarkdown(url)}`,
    '',
    ...(call.trial === undefined ? [] : [`**Trial:** ${trialNote(verdict.outcome)}.`, '']),
    ...(call.caller === undefined ? [] : [`**Caller:** ${callerLabel(call.caller)}.`, '']),
    `**Verdict:** blocked, \`${code}\`${verdict.corsError?.failedParameter ? ` (failed parameter: ${escapeMarkdown(verdict.corsError.failedParameter)})` : ''}`,
    '',
    prose(verdict.explanation),
    '',
    faultLine(verdict),
    '',
    '#### Headers that matter to CORS',
    '',
    ...wireHeaders(call),
    '',
    '#### What the browser did',
    '',
    ...mermaidDiagram(narrate(call, verdict), callerTitle(call.caller ?? 'page')),
    '',
    '#### Fix',
    '',
    prose(verdict.fix),
  ];
  const config = serverFixFor(call, verdict);
  if (config !== null) out.push('', `${STACK_LABELS.express}:`, '', '```javascript', renderSnippet('express', config), '```');
  return out;
}

export function reportMarkdown(calls: readonly ObservedCall[], env: MarkdownEnv): string {
  const checked = calls.map((call) => ({ call, verdict: checkCall(call) }));
  const blocked = checked.filter((c) => c.verdict.outcome === 'blocked');
  const trialled = checked.filter((c) => c.call.trial !== undefined).length;
  const out = [
    '# CORS Lens report',
    '',
    '## Environment',
    '',
    `- Browser: ${escapeMarkdown(env.browser)}`,
    `- Page origin: ${escapeMarkdown(env.pageOrigin)}`,
    `- Generated: ${env.generatedAt.toISOString()}`,
    `- Calls: ${calls.length} (${blocked.length} blocked)`,
    '',
    'Codes are Chromium `Network.CorsError` names inferred by CORS Lens from the headers on the wire.',
    ...(trialled === 0
      ? []
      : [
          '',
          `**${trialled} call${trialled === 1 ? ' was' : 's were'} made under a CORS Lens trial rule** (Try this fix changed their response headers in the browser): marked "trial" below; their outcome is not the server's real behaviour.`,
        ]),
    '',
    '## Summary',
    '',
    ...table(
      ['#', 'Method', 'URL', 'Outcome', 'Code'],
      checked.map(({ call, verdict }, i) => [
        String(i + 1),
        call.method,
        call.caller === undefined ? (call.hops[0]?.url ?? '') : `${call.hops[0]?.url ?? ''} (${callerLabel(call.caller)})`,
        call.trial === undefined ? verdict.outcome : `${verdict.outcome} (trial: ${trialNote(verdict.outcome)})`,
        verdict.corsError?.code ?? verdict.networkError ?? '',
      ]),
    ),
  ];
  if (blocked.length > 0) {
    out.push('', '## Blocked calls');
    for (const { call, verdict } of blocked) out.push('', ...blockedSection(call, verdict, checked.findIndex((c) => c.call === call) + 1));
  }
  return `${out.join('\n')}\n`;
}
