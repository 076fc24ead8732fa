// What the capture keeps of a header, URL or error text that is too big to store, and how the panel
// recognises a cut and tells the user how much was lost. The note is plain text inside the value,
// so every export and report carries it too. Everything a page or server sends is capped before
// the capture holds it anywhere, in memory or in storage.session.
import { lowerAscii } from './cors/headers';
import { credentialMarker, isCredentialHeader } from './credential-values';
import type { HeaderLine, ObservedCall } from './observed-call';

/** Longest header value kept; one hostile response must not exhaust storage.session's quota. */
export const MAX_HEADER_VALUE_LENGTH = 8192;
/** Longest header name kept; no header the checker reads comes near it. */
export const MAX_HEADER_NAME_LENGTH = 256;
/** Longest URL kept (Chromium allows 2 MB). The same length, so one cut note format fits both. */
export const MAX_URL_LENGTH = MAX_HEADER_VALUE_LENGTH;
/** Longest error text kept; Chromium's own (`net::ERR_…`) are far shorter. */
export const MAX_ERROR_LENGTH = 256;
/** Header lines kept per list; lines beyond are counted in a note line. */
export const MAX_HEADER_LINES = 256;
/** Characters kept per list, names and values; together with the caps above this bounds a call's
 * size whatever a server sends. */
export const MAX_HEADER_LIST_CHARS = 64 * 1024;
/** Lines the checker reads (CHECKED_NAMES) kept per list, wherever they stand in it: past the
 * caps above, so no run of other lines can push them out, but bounded on their own, since a server
 * can send thousands of them. Real servers send a handful. */
export const MAX_CHECKED_LINES = 32;
/** Name of the line that stands for header lines not kept; not a valid header name, so no
 * server can send one and no CORS rule ever matches it. */
export const CUT_LINES_NOTE_NAME = '(not kept)';

/** Every header the checker, the fix planner or the trial reads, request or response side. Other
 * `access-control-*` names mean nothing to Chromium and count as ordinary lines. */
const CHECKED_NAMES: ReadonlySet<string> = new Set([
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'access-control-allow-methods',
  'access-control-allow-headers',
  'access-control-expose-headers',
  'access-control-max-age',
  'access-control-allow-private-network',
  'access-control-request-method',
  'access-control-request-headers',
  'access-control-request-private-network',
  'origin',
  'vary',
  'location',
  'content-type',
  'cookie',
  'authorization',
  'sec-fetch-mode',
]);
const LONGEST_CHECKED_NAME = Math.max(...[...CHECKED_NAMES].map((n) => n.length));

const CUT_NOTE = /… \[cut at capture: (\d+) of (\d+) characters kept\]$/;
const CHECKED_CUT_NOTE = /, (\d+) of them read by the checker/;

function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  const kept = text.slice(0, max);
  return `${kept}… [cut at capture: ${kept.length} of ${text.length} characters kept]`;
}

export function capHeaderValue(value: string): string {
  return capText(value, MAX_HEADER_VALUE_LENGTH);
}

/** A cut name keeps its note, so it never equals (or is taken for) a header the checker reads. */
export function capHeaderName(name: string): string {
  return capText(name, MAX_HEADER_NAME_LENGTH);
}

export function capUrl(url: string): string {
  return capText(url, MAX_URL_LENGTH);
}

export function capErrorText(error: string): string {
  return capText(error, MAX_ERROR_LENGTH);
}

export interface CutValue {
  /** The part of the value that was kept. */
  readonly kept: string;
  /** Length of the value as the server sent it. */
  readonly originalLength: number;
}

/** The kept part and original length of a value, name or URL the capture cut, or null if it was not cut. */
export function parseCutValue(value: string): CutValue | null {
  const match = CUT_NOTE.exec(value);
  if (!match) return null;
  const keptLength = Number(match[1]);
  if (match.index !== keptLength || keptLength > MAX_HEADER_VALUE_LENGTH) return null;
  return { kept: value.slice(0, keptLength), originalLength: Number(match[2]) };
}

/** One list of header lines as the capture keeps it: names and values capped, lines beyond the
 * caps counted in one note line, credential values replaced by a marker unless the user chose to
 * record them. Lines the checker reads are kept wherever they stand, up to MAX_CHECKED_LINES;
 * when even some of those are cut, the note says so, and the panel warns that the verdict may
 * not be Chromium's. */
export function capHeaderList(headers: Iterable<HeaderLine>, keepCredentials: boolean): HeaderLine[] {
  const lines: HeaderLine[] = [];
  let notKept = 0;
  let checkedNotKept = 0;
  let checkedKept = 0;
  let chars = 0;
  for (const { name, value } of headers) {
    // Every name the checker reads or that holds a credential is short: longer ones are neither.
    const lower = name.length <= LONGEST_CHECKED_NAME ? lowerAscii(name) : '';
    const checked = CHECKED_NAMES.has(lower);
    if (checked ? checkedKept >= MAX_CHECKED_LINES : lines.length - checkedKept >= MAX_HEADER_LINES || chars >= MAX_HEADER_LIST_CHARS) {
      notKept++;
      if (checked) checkedNotKept++;
      continue;
    }
    const kept = !keepCredentials && isCredentialHeader(lower) ? credentialMarker(value) : capHeaderValue(value);
    const line = { name: capHeaderName(name), value: kept };
    if (checked) checkedKept++;
    else chars += line.name.length + line.value.length;
    lines.push(line);
  }
  if (notKept > 0) lines.push(cutLinesNote(notKept, checkedNotKept));
  return lines;
}

export function cutLinesNote(count: number, checked = 0): HeaderLine {
  const value =
    checked > 0
      ? `${count} more header lines not kept, ${checked} of them read by the checker: the verdict may differ from Chromium's`
      : `${count} more header lines not kept`;
  return { name: CUT_LINES_NOTE_NAME, value };
}

/** How many lines the checker reads were cut from `headers` at capture (0 when none were). */
export function checkedLinesCut(headers: readonly HeaderLine[]): number {
  let cut = 0;
  for (const h of headers) {
    if (h.name !== CUT_LINES_NOTE_NAME) continue;
    const match = CHECKED_CUT_NOTE.exec(h.value);
    if (match) cut += Number(match[1]);
  }
  return cut;
}

/** How many lines the checker reads were cut at capture anywhere in the call: when not 0, its
 * verdict rests on part of what the server sent. */
export function checkedLinesCutInCall(call: ObservedCall): number {
  let cut = 0;
  for (const hop of call.hops) {
    for (const list of [hop.requestHeaders, hop.response?.headers, hop.preflight?.requestHeaders, hop.preflight?.response?.headers]) {
      if (list) cut += checkedLinesCut(list);
    }
  }
  return cut;
}
