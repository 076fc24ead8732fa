// What capture keeps of credential header values. The verdict needs only to know that a Cookie or
// Authorization header was sent, so by default capture keeps a marker with the value's length in
// place of the value; the user can turn on "Record credential values" (a setting in
// chrome.storage.session, off unless set and off again after a browser restart) to keep them, e.g.
// to copy a request as curl.

export const RECORD_CREDENTIALS_KEY = 'recordCredentialValues';

const CREDENTIAL_HEADERS: ReadonlySet<string> = new Set(['cookie', 'authorization', 'proxy-authorization', 'set-cookie']);

const MARKER = /^<not recorded: (\d+) characters>$/;

export function isRecordingCredentials(stored: Record<string, unknown>): boolean {
  return stored[RECORD_CREDENTIALS_KEY] === true;
}

/** `lowerName`: the header name already lower-cased (lowerAscii), as capture has it at hand. */
export function isCredentialHeader(lowerName: string): boolean {
  return CREDENTIAL_HEADERS.has(lowerName);
}

/** Stands for a credential value that was sent but not recorded: says it was there, and how long. */
export function credentialMarker(value: string): string {
  return `<not recorded: ${value.length} characters>`;
}

/** Whether `value` is a marker left by capture rather than what was sent. */
export function isUnrecordedCredential(value: string): boolean {
  return MARKER.test(value);
}
