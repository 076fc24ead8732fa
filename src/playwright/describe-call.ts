// Plain-text accounts of calls for matcher failure messages: what a developer needs to act on
// without opening the report (method, URL, code, why, fix). Every value from the wire is made
// printable: the message lands in a terminal and in CI logs.
import { callerLabel } from '../shared/caller';
import { printable } from '../shared/printable';
import type { ReportCall } from '../shared/report';

export function describeCall(call: ReportCall): string {
  const lines = [`  ${printable(call.method)} ${printable(call.url)}${call.caller === 'page' ? '' : ` (${callerLabel(call.caller)})`}`];
  if (call.finalUrl !== call.url) lines.push(`    redirected to: ${printable(call.finalUrl)}`);
  switch (call.outcome) {
    case 'blocked': {
      const code = call.corsError?.code ?? 'unknown';
      const parameter = call.corsError?.failedParameter ? ` (${printable(call.corsError.failedParameter)})` : '';
      lines.push(`    blocked by CORS: ${code}${parameter}`);
      break;
    }
    case 'failed':
      lines.push(`    failed: ${printable(call.networkError ?? 'network error')}`);
      break;
    case 'ended-by-page':
      lines.push(`    ended by the page: ${call.networkError ?? 'cancelled'}`);
      break;
    case 'allowed':
      lines.push(`    allowed${call.status === null ? '' : ` (status ${call.status})`}`);
      break;
    case 'pending':
      lines.push('    still pending');
      break;
  }
  if (call.outcome !== 'allowed' && call.explanation) lines.push(`    Why: ${printable(call.explanation)}`);
  if (call.outcome !== 'allowed' && call.fix) lines.push(`    Fix: ${printable(call.fix)}`);
  return lines.join('\n');
}

export function describeCalls(calls: readonly ReportCall[]): string {
  return calls.length === 0 ? '  (none)' : calls.map(describeCall).join('\n\n');
}
