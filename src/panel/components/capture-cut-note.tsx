// Said above the verdict when capture had to cut header lines the checker reads (a server sent
// thousands of them): the verdict then rests on part of what was sent and may not be Chromium's.
import { checkedLinesCutInCall, MAX_CHECKED_LINES } from '../../shared/header-cap';
import type { ObservedCall } from '../../shared/observed-call';

export function CaptureCutNote({ call }: { readonly call: ObservedCall }) {
  const cut = checkedLinesCutInCall(call);
  if (cut === 0) return null;
  return (
    <p className="card warning" data-testid="checked-lines-cut" data-count={cut} role="note">
      {cut.toLocaleString('en-US')} CORS header lines were not kept (at most {MAX_CHECKED_LINES} per list are): this verdict is
      worked out from the lines kept and may differ from Chromium&apos;s.
    </p>
  );
}
