// The Export menu: format, scope, what to mask and whether to keep secrets, then Copy or Download. The text is built
// only when an action is clicked, so a tab with thousands of calls costs nothing while browsing.
import { useState } from 'react';
import { version } from '../../../manifest.json';
import type { ObservedCall } from '../../shared/observed-call';
import {
  browserName,
  callsInScope,
  exportFile,
  isExportFormat,
  isExportScope,
  type ExportFile,
  type ExportFormat,
  type ExportScope,
  type ExportSources,
} from '../state/export-content';
import { readRedactNamesText, writeRedactNames } from '../state/redact-names';
import { browserStore } from '../state/panel-store';
import { parseNameList } from '../../shared/redact';
import { downloadText } from './download';

const FORMAT_LABELS: Record<ExportFormat, string> = { markdown: 'Markdown', json: 'JSON', har: 'HAR' };

type CopyState = 'idle' | 'copied' | 'failed';
const COPY_LABELS: Record<CopyState, string> = { idle: 'Copy to clipboard', copied: 'Copied', failed: 'Copy failed' };

function scopeLabels(sources: ExportSources): Record<ExportScope, string> {
  return {
    call: 'This call',
    shown: `Filtered list (${sources.shown.length})`,
    all: `All calls in the tab (${sources.all.length})`,
  };
}

export function ExportMenu(sources: ExportSources) {
  const [format, setFormat] = useState<ExportFormat>('markdown');
  const [scopeChoice, setScope] = useState<ExportScope | null>(null);
  const [keepSecrets, setKeepSecrets] = useState(false);
  const [redactNames, setRedactNames] = useState(() => readRedactNamesText(browserStore()));
  const [copyState, setCopyState] = useState<CopyState>('idle');
  const scope: ExportScope = scopeChoice ?? (sources.selected === undefined ? 'all' : 'call');
  const calls: readonly ObservedCall[] = callsInScope(scope, sources);
  const labels = scopeLabels(sources);

  // Every button builds through here, so each file is redacted by the same choices.
  const build = (fileFormat: ExportFormat, fileCalls: readonly ObservedCall[]): ExportFile =>
    exportFile(fileFormat, fileCalls, {
      keepSecrets,
      extraNames: parseNameList(redactNames),
      env: { browser: browserName(navigator.userAgent), version, now: new Date() },
    });
  const copy = (): void => {
    navigator.clipboard.writeText(build(format, calls).text).then(
      () => setCopyState('copied'),
      () => setCopyState('failed'),
    );
    setTimeout(() => setCopyState('idle'), 1500);
  };
  const download = (file: ExportFile): void => {
    downloadText(file.text, file.fileName, file.mimeType);
  };

  return (
    <details className="export-menu" data-testid="export-menu">
      <summary className="tool-button" data-testid="export-menu-toggle">
        Export
      </summary>
      <div className="export-menu-body">
        <label className="export-field">
          Format
          <select
            className="tool-select"
            data-testid="export-format"
            value={format}
            onChange={(e) => {
              const value = e.currentTarget.value;
              if (isExportFormat(value)) setFormat(value);
            }}
          >
            {Object.entries(FORMAT_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="export-field">
          Calls
          <select
            className="tool-select"
            data-testid="export-scope"
            value={scope}
            onChange={(e) => {
              const value = e.currentTarget.value;
              if (isExportScope(value)) setScope(value);
            }}
          >
            {Object.entries(labels).map(([value, label]) => (
              <option key={value} value={value} disabled={value === 'call' && sources.selected === undefined}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="export-field" title="Cookie, Authorization, names ending in token, secret, key, password, session or auth (X-CSRFToken, accessToken, X-Session-Id), sid, jwt, pwd, code, DPoP, ;jsessionid= and URL userinfo are always masked">
          Also mask
          <input
            type="text"
            className="tool-input"
            data-testid="redact-names"
            placeholder="header or parameter names"
            value={redactNames}
            onChange={(e) => {
              const text = e.currentTarget.value;
              setRedactNames(text);
              writeRedactNames(browserStore(), text);
            }}
          />
        </label>
        <label className="tool-check">
          <input type="checkbox" data-testid="keep-credentials" checked={keepSecrets} onChange={(e) => setKeepSecrets(e.currentTarget.checked)} />
          Keep secret values (cookies, tokens, keys)
        </label>
        <div className="export-actions">
          <button type="button" className="tool-button" data-testid="export-copy" data-copy-state={copyState} disabled={calls.length === 0} onClick={copy}>
            {COPY_LABELS[copyState]}
          </button>
          <button type="button" className="tool-button" data-testid="export-download" disabled={calls.length === 0} onClick={() => download(build(format, calls))}>
            Download
          </button>
          <button
            type="button"
            className="tool-button"
            data-testid="export-json"
            onClick={() => download(build('json', sources.all))}
            title="Download every call as a cors-lens/report JSON document"
          >
            JSON, all calls
          </button>
        </div>
      </div>
    </details>
  );
}
