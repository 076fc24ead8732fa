// What the Export menu produces: one format, one scope, redacted unless the user opts in. Pure, so
// the choices are tested without a DOM; the menu only renders and triggers copy or download.
import type { ObservedCall } from '../../shared/observed-call';
import { printableJson } from '../../shared/printable';
import { redactCalls } from '../../shared/redact';
import { buildReport } from '../../shared/report';
import { reportHar } from '../../shared/report-har';
import { reportMarkdown } from '../../shared/report-markdown';

export const EXPORT_FORMATS = ['markdown', 'json', 'har'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_SCOPES = ['call', 'shown', 'all'] as const;
export type ExportScope = (typeof EXPORT_SCOPES)[number];

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}
export function isExportScope(value: string): value is ExportScope {
  return (EXPORT_SCOPES as readonly string[]).includes(value);
}

export interface ExportSources {
  readonly selected: ObservedCall | undefined;
  readonly shown: readonly ObservedCall[];
  readonly all: readonly ObservedCall[];
}

export function callsInScope(scope: ExportScope, sources: ExportSources): readonly ObservedCall[] {
  switch (scope) {
    case 'call':
      return sources.selected === undefined ? [] : [sources.selected];
    case 'shown':
      return sources.shown;
    case 'all':
      return sources.all;
  }
}

export interface ExportEnv {
  readonly browser: string;
  readonly version: string;
  readonly now: Date;
}

export interface ExportFile {
  readonly text: string;
  readonly fileName: string;
  readonly mimeType: string;
}

/** The page origins the calls came from; the panel does not know the inspected page's URL itself. */
function pageOrigin(calls: readonly ObservedCall[]): string {
  const origins = [...new Set(calls.map((c) => c.initiator))];
  return origins.length === 0 ? 'unknown' : origins.join(', ');
}

export function exportFile(
  format: ExportFormat,
  calls: readonly ObservedCall[],
  options: { readonly keepSecrets: boolean; readonly extraNames: readonly string[]; readonly env: ExportEnv },
): ExportFile {
  const safe = redactCalls(calls, { keepSecrets: options.keepSecrets, extraNames: options.extraNames });
  const { env } = options;
  switch (format) {
    case 'markdown':
      return {
        text: reportMarkdown(safe, { browser: env.browser, pageOrigin: pageOrigin(safe), generatedAt: env.now }),
        fileName: 'cors-lens-report.md',
        mimeType: 'text/markdown',
      };
    case 'json':
      return {
        text: printableJson(buildReport(safe, env.now), 2),
        fileName: 'cors-lens-report.json',
        mimeType: 'application/json',
      };
    case 'har':
      return {
        text: printableJson(reportHar(safe, { name: 'CORS Lens', version: env.version }), 2),
        fileName: 'cors-lens.har',
        mimeType: 'application/json',
      };
  }
}

/** "Chrome 156.0.1.2" from a user agent string, or the string itself. */
export function browserName(userAgent: string): string {
  const chrome = /Chrome\/([\d.]+)/.exec(userAgent);
  return chrome?.[1] === undefined ? userAgent : `Chrome ${chrome[1]}`;
}
