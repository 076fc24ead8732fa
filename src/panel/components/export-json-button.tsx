import { printableJson } from '../../shared/printable';
import { buildReport } from '../../shared/report';
import type { ObservedCall } from '../../shared/observed-call';
import { downloadText } from './download';

export const REPORT_FILE_NAME = 'cors-lens-report.json';

/** The whole tab as one cors-lens/report document (it carries no header values to redact). */
export function ExportJsonButton({ calls }: { readonly calls: readonly ObservedCall[] }) {
  return (
    <button
      type="button"
      className="tool-button"
      data-testid="export-json"
      onClick={() => downloadText(printableJson(buildReport(calls), 2), REPORT_FILE_NAME, 'application/json')}
      title="Download every call as a cors-lens/report JSON document"
    >
      JSON, all calls
    </button>
  );
}
