// The worker's copy of the "Record credential values" setting, read by capture for every header
// list. Off until storage says otherwise, so a worker that has just started and not yet read the
// setting keeps markers, never values. Kept in storage.session, so it ends with the browser session.
import { isRecordingCredentials, RECORD_CREDENTIALS_KEY } from '../shared/credential-values';
import { followSessionSetting } from './local-setting';

let recording = false;

export function recordsCredentialValues(): boolean {
  return recording;
}

/** Reads the setting and follows the panel's changes to it; called once from the top level. */
export function followCredentialSetting(): void {
  void followSessionSetting(RECORD_CREDENTIALS_KEY, isRecordingCredentials, (on) => {
    recording = on;
  });
  // Earlier versions kept it in storage.local, where a tick outlived browser restarts.
  void chrome.storage.local.remove(RECORD_CREDENTIALS_KEY);
}
