// Warnings (things that work but are risky or fragile) and the assumptions the verdict rests on.
import type { Verdict } from '../../shared/cors/types';
import { Prose } from './prose';

export function VerdictNotes({ verdict }: { readonly verdict: Verdict }) {
  return (
    <>
      {verdict.warnings.length > 0 && (
        <section className="warnings" aria-label="Warnings">
          <h3 className="section-title">Warnings</h3>
          <ul>
            {verdict.warnings.map((w, i) => (
              <li key={`${i}:${w.code}`} className="warning" data-testid="warning" data-code={w.code}>
                <code className="reason-code">{w.code}</code> <Prose text={w.message} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {verdict.assumptions.length > 0 && (
        <section className="assumptions muted" aria-label="Assumptions">
          <span className="label">Assumed (not visible on the wire):</span>
          <ul>
            {verdict.assumptions.map((a, i) => (
              <li key={i} data-testid="assumption">
                <Prose text={a} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
