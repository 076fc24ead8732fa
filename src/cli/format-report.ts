// Prints a cors-lens/report the way the CLI shows it: text for people, json for tools, md for
// bug tickets (the shared Markdown report). `check` and `explain` share it, so both say the same thing.
import { callerLabel } from '../shared/caller';
import type { ObservedCall } from '../shared/observed-call';
import type { CorsReport, ReportCall } from '../shared/report';
import { reportMarkdown } from '../shared/report-markdown';
import type { FailOn, OutputFormat } from './args';
import { printable, printableJson } from '../shared/printable';

const LABELS: Readonly<Record<ReportCall['outcome'], string>> = {
  allowed: 'ALLOWED',
  blocked: 'BLOCKED',
  failed: 'FAILED',
  'ended-by-page': 'ENDED',
  pending: 'PENDING',
};

/** Our multi-line prose, indented, each line made printable (it quotes values from the wire). */
function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${printable(line)}`)
    .join('\n');
}

export function reportText(report: CorsReport): string {
  if (report.calls.length === 0) return 'No cross-origin calls seen.\n';
  const methodWidth = report.calls.reduce((widest, c) => Math.max(widest, printable(c.method).length), 0);
  const lines = report.calls.map((call) => {
    const head = [LABELS[call.outcome].padEnd(7), printable(call.method).padEnd(methodWidth), printable(call.url)];
    if (call.caller !== 'page') head.push(`(${callerLabel(call.caller)})`);
    if (call.corsError) head.push(call.corsError.code);
    else if (call.networkError) head.push(printable(call.networkError));
    const body: string[] = [];
    if (call.outcome !== 'allowed' && call.explanation) body.push(indent(call.explanation));
    if (call.outcome !== 'allowed' && call.fix) body.push(indent(`Fix: ${call.fix}`));
    for (const warning of call.warnings) body.push(indent(`Warning ${warning.code}: ${warning.message}`));
    return [head.join('  '), ...body].join('\n');
  });
  return `${lines.join('\n')}\n\n${summary(report)}\n`;
}

export function summary(report: CorsReport): string {
  const count = (outcome: ReportCall['outcome']): number => report.calls.filter((c) => c.outcome === outcome).length;
  const warnings = report.calls.reduce((n, c) => n + c.warnings.length, 0);
  // Named only when there are some, so the usual summary reads as before.
  const ended = count('ended-by-page') > 0 ? `${count('ended-by-page')} ended by the page, ` : '';
  return `${report.calls.length} cross-origin calls: ${count('blocked')} blocked, ${count('allowed')} allowed, ${count('failed')} failed, ${ended}${count('pending')} pending; ${warnings} warnings`;
}

/** What `check` and `explain` saw: the calls (the Markdown report reads their headers) and where. */
export interface SeenCalls {
  readonly calls: readonly ObservedCall[];
  /** The browser, or the HAR file, the calls were seen in. */
  readonly source: string;
}

/** The calls as they are printed (redacted unless --keep-secrets) and the report built from them. */
export interface CheckedCalls extends SeenCalls {
  readonly report: CorsReport;
}

export function formatReport(result: CheckedCalls, format: OutputFormat): string {
  switch (format) {
    case 'text':
      return reportText(result.report);
    case 'json':
      return `${printableJson(result.report, 2)}\n`;
    case 'md':
      return reportMarkdown(result.calls, {
        browser: result.source,
        pageOrigin: result.calls[0]?.initiator ?? '(no cross-origin calls)',
        generatedAt: new Date(result.report.generatedAt),
      });
  }
}

/** 1 when the report has what --fail-on names, 0 otherwise. */
export function exitCodeFor(report: CorsReport, failOn: FailOn): 0 | 1 {
  const blocked = report.calls.some((c) => c.outcome === 'blocked');
  const warned = report.calls.some((c) => c.warnings.length > 0);
  return blocked || (failOn === 'warning' && warned) ? 1 : 0;
}
