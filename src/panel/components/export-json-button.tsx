import { buildReport } from '../../shared/report';
import type { ObservedCall } from '../../shared/observed-call';

export const REPORT_FILE_NAME = 'cors-lens-report.json';

export function ExportJsonButton({ calls }: { readonly calls: readonly ObservedCall[] }) {
  function download(): void {
    const json = JSON.stringify(buildReport(calls), null, 2);
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = REPORT_FILE_NAME;
    document.body.append(a);
    a.click();
    a.remove();
    // The download starts asynchronously; revoking the URL at once can cancel it.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return (
    <button type="button" className="tool-button" data-testid="export-json" onClick={download} title="Download every call as a cors-lens/report JSON document">
      Export JSON
    </button>
  );
}
