// Prints a cors-lens/report the way the CLI shows it: text for people, json for tools, md for
// bug tickets (the shared Markdown report). `check` and `explain` share it, so both say the same thing.
import { callerLabel } from '../shared/caller';
import type { ObservedCall } from '../shared/observed-call';
import type { CorsReport, ReportCall } from '../shared/report';
import { reportMarkdown } from '../shared/report-markdown';
import type { FailOn, OutputFormat } from './args';

const LABELS: Readonly<Record<ReportCall['outcome'], string>> = {
  allowed: 'ALLOWED',
  blocked: 'BLOCKED',
  failed: 'FAILED',
  pending: 'PENDING',
};

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

export function reportText(report: CorsReport): string {
  if (report.calls.length === 0) return 'No cross-origin calls seen.\n';
  const methodWidth = Math.max(...report.calls.map((c) => c.method.length));
  const lines = report.calls.map((call) => {
    const head = [LABELS[call.outcome].padEnd(7), call.method.padEnd(methodWidth), call.url];
    if (call.caller !== 'page') head.push(`(${callerLabel(call.caller)})`);
    if (call.corsError) head.push(call.corsError.code);
    else if (call.networkError) head.push(call.networkError);
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
  return `${report.calls.length} cross-origin calls: ${count('blocked')} blocked, ${count('allowed')} allowed, ${count('failed')} failed, ${count('pending')} pending; ${warnings} warnings`;
}

/** What `check` and `explain` produce: the report, the calls it was built from (the Markdown
 * report reads their headers), and where they came from. */
export interface CheckedCalls {
  readonly report: CorsReport;
  readonly calls: readonly ObservedCall[];
  /** The browser, or the HAR file, the calls were seen in. */
  readonly source: string;
}

export function formatReport(result: CheckedCalls, format: OutputFormat): string {
  switch (format) {
    case 'text':
      return reportText(result.report);
    case 'json':
      return `${JSON.stringify(result.report, null, 2)}\n`;
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
