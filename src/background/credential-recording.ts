// The worker's copy of the "Record credential values" setting, read by capture for every header
// list. Off until storage says otherwise, so a worker that has just started and not yet read the
// setting keeps markers, never values.
import { isRecordingCredentials, RECORD_CREDENTIALS_KEY } from '../shared/credential-values';

let recording = false;

export function recordsCredentialValues(): boolean {
  return recording;
}

/** Reads the setting and follows the panel's changes to it; called once from the top level. */
export function followCredentialSetting(): void {
  void chrome.storage.local.get(RECORD_CREDENTIALS_KEY).then((stored) => {
    recording = isRecordingCredentials(stored);
  });
  chrome.storage.onChanged.addListener((changes, area) => {
    const change = changes[RECORD_CREDENTIALS_KEY];
    if (area === 'local' && change) recording = change.newValue === true;
  });
}
