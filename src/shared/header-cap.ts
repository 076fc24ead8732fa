// What the capture keeps of a header value or list that is too big to store, and how the panel
// recognises a cut and tells the user how much was lost. The note is plain text inside the value,
// so every export and report carries it too.

/** Longest header value kept; one hostile response must not exhaust storage.session's quota. */
export const MAX_HEADER_VALUE_LENGTH = 8192;
/** Header lines kept per list; lines beyond are counted in a note line. CORS lines are always kept. */
export const MAX_HEADER_LINES = 256;
/** Characters kept per list, names and values; together with the caps above this bounds a call's
 * size whatever a server sends. */
export const MAX_HEADER_LIST_CHARS = 64 * 1024;
/** Name of the line that stands for header lines not kept; not a valid header name, so no
 * server can send one and no CORS rule ever matches it. */
export const CUT_LINES_NOTE_NAME = '(not kept)';

const CUT_NOTE = /… \[cut at capture: (\d+) of (\d+) characters kept\]$/;

export function capHeaderValue(value: string): string {
  if (value.length <= MAX_HEADER_VALUE_LENGTH) return value;
  const kept = value.slice(0, MAX_HEADER_VALUE_LENGTH);
  return `${kept}… [cut at capture: ${kept.length} of ${value.length} characters kept]`;
}

export interface CutValue {
  /** The part of the value that was kept. */
  readonly kept: string;
  /** Length of the value as the server sent it. */
  readonly originalLength: number;
}

/** The kept part and original length of a value `capHeaderValue` cut, or null if it was not cut. */
export function parseCutValue(value: string): CutValue | null {
  const match = CUT_NOTE.exec(value);
  if (!match || value.length > MAX_HEADER_VALUE_LENGTH + match[0].length) return null;
  const keptLength = Number(match[1]);
  if (match.index !== keptLength) return null;
  return { kept: value.slice(0, keptLength), originalLength: Number(match[2]) };
}

export function cutLinesNote(count: number): { name: string; value: string } {
  return { name: CUT_LINES_NOTE_NAME, value: `${count} more header lines not kept` };
}
