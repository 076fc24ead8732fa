// All headers of one request or response, in wire order, with the CORS ones highlighted and the
// header the verdict blames marked. A blamed header that was absent gets a placeholder row.
import type { HeaderLine } from '../../shared/observed-call';
import { isCorsHeaderName } from '../../shared/cors/headers';
import { CUT_LINES_NOTE_NAME, parseCutValue } from '../../shared/header-cap';
import { TruncatedText } from './truncated-text';

interface HeaderListProps {
  readonly title: string;
  readonly side: 'request' | 'response';
  readonly headers: readonly HeaderLine[];
  /** Lower-case name of the header at fault in this list, if any. */
  readonly faultName: string | null;
  /** The verdict says the header at fault was missing: show a placeholder row for it. */
  readonly faultAbsent: boolean;
}

export function HeaderList({ title, side, headers, faultName, faultAbsent }: HeaderListProps) {
  const corsCount = headers.filter((h) => isCorsHeaderName(h.name)).length;
  const faultPresent = faultName !== null && headers.some((h) => h.name.toLowerCase() === faultName);
  return (
    <details className="headers" data-testid="headers" data-side={side} open>
      <summary>
        {title} ({headers.length}
        {corsCount > 0 ? `, ${corsCount} CORS` : ''})
      </summary>
      <div className="header-rows">
        {headers.map((h, i) => {
          if (h.name === CUT_LINES_NOTE_NAME) {
            return (
              <div key={`${i}:note`} className="header-row muted" data-testid="header-lines-cut">
                Cut at capture: {h.value}
              </div>
            );
          }
          const lower = h.name.toLowerCase();
          const cors = isCorsHeaderName(lower);
          const fault = lower === faultName;
          return (
            <div
              // Repeated header lines are legal, so the name alone is not a key.
              key={`${i}:${lower}`}
              className={`header-row${cors ? ' header-row--cors' : ''}${fault ? ' header-row--fault' : ''}`}
              data-testid="header"
              data-name={lower}
              data-cors={String(cors)}
              data-fault={String(fault)}
            >
              <span className="header-name">{h.name}:</span> <HeaderValue value={h.value} />
            </div>
          );
        })}
        {faultName !== null && faultAbsent && !faultPresent && (
          <div
            className="header-row header-row--cors header-row--fault"
            data-testid="header"
            data-name={faultName}
            data-cors="true"
            data-fault="true"
            data-absent="true"
          >
            <span className="header-name">{faultName}:</span> <em className="muted">(absent)</em>
          </div>
        )}
        {headers.length === 0 && faultName === null && <div className="muted">(none)</div>}
      </div>
    </details>
  );
}

/** A value, with what the capture cut from it said in words rather than left in the text. */
function HeaderValue({ value }: { readonly value: string }) {
  const cut = parseCutValue(value);
  if (cut === null) return <TruncatedText value={value} />;
  return (
    <>
      <TruncatedText value={cut.kept} />{' '}
      <span className="muted" data-testid="cut-at-capture">
        (cut at capture: first {cut.kept.length.toLocaleString('en-US')} of {cut.originalLength.toLocaleString('en-US')} characters
        kept)
      </span>
    </>
  );
}
