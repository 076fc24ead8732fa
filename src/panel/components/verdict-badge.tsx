import type { Outcome } from '../../shared/cors/types';

const LABELS: Record<Outcome, string> = {
  allowed: 'Allowed',
  blocked: 'Blocked',
  failed: 'Failed',
  'ended-by-page': 'Ended by page',
  pending: 'Pending',
};

export function VerdictBadge({ outcome }: { readonly outcome: Outcome }) {
  return <span className={`badge badge--${outcome}`}>{LABELS[outcome]}</span>;
}
