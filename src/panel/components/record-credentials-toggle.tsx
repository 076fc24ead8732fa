// "Record credential values": off unless the user turns it on, and only for this browser session
// (storage.session), so a tick never outlives a browser restart. While off, capture keeps only that
// a Cookie, Authorization or Set-Cookie header was there and how long it was, which is all the
// verdict needs; calls captured while it was on keep their values until they leave the log.
import { RECORD_CREDENTIALS_KEY } from '../../shared/credential-values';
import { useStoredFlag } from '../connection/stored-flag';

export function RecordCredentialsToggle() {
  const [recording, setRecording] = useStoredFlag(RECORD_CREDENTIALS_KEY, 'session');
  return (
    <label
      className="tool-check"
      title="Keep the full Cookie, Authorization and Set-Cookie values of calls captured from now on, until the browser closes. Off: only their presence and length are kept; verdicts are the same."
    >
      <input
        type="checkbox"
        data-testid="record-credentials"
        checked={recording}
        onChange={(e) => setRecording(e.currentTarget.checked)}
      />
      Record credential values{' '}
      <span className="muted" data-testid="record-credentials-lifetime">
        (until the browser closes)
      </span>
    </label>
  );
}
