// Text from a HAR or a web server ends up where a person reads it: a terminal (the CLI's output, a
// Markdown report read with cat, a pasted curl command, a Playwright failure message), an editor
// (a JSON export, a server snippet) or a rendered diagram. A control character could move the
// cursor, recolour the screen or set the window title; a bidi override or an invisible format
// character makes the text read differently from what it is ("Trojan Source"). This file is the
// one definition of those characters, and writes each as a visible escape.

// Cc: C0, DEL and C1 (0x80–0x9F, which some terminals also act on). Cf: format characters, among
// them the bidi marks, embeddings, overrides and isolates (U+061C, U+200E/F, U+202A–U+202E,
// U+2066–U+2069), zero-width characters (U+200B–U+200D, U+2060, U+FEFF), the soft hyphen and tag
// characters. Zl/Zp: U+2028/U+2029, which break a line in editors. Cs: a lone surrogate half,
// which no encoder can write and is shown as U+FFFD.
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

export function hasUnprintable(text: string): boolean {
  return text.search(UNPRINTABLE) >= 0;
}

function hex(code: number, digits: number): string {
  return code.toString(16).padStart(digits, '0');
}

/** `\xHH` up to U+00FF, `\uHHHH` in the BMP, `\UHHHHHHHH` above: fixed widths that bash's $'…',
 * Python and C read back as the same character. */
function escapeCharacter(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  if (code <= 0xff) return `\\x${hex(code, 2)}`;
  if (code <= 0xffff) return `\\u${hex(code, 4)}`;
  return `\\U${hex(code, 8)}`;
}

/** The text with every unprintable character written as a visible escape (\x1b, \u202e, …). */
export function printable(text: string): string {
  return hasUnprintable(text) ? text.replace(UNPRINTABLE, escapeCharacter) : text;
}

/** Each character as `\x…` unless `keep` returns its own rendering (the panel's ␛ symbols). */
export function printableWith(text: string, keep: (c: string) => string | null): string {
  return hasUnprintable(text) ? text.replace(UNPRINTABLE, (c) => keep(c) ?? escapeCharacter(c)) : text;
}

/** Each UTF-16 unit as \uXXXX: the only escape JSON has for these, a pair for one above the BMP. */
function jsonEscape(c: string): string {
  let out = '';
  for (let i = 0; i < c.length; i++) out += `\\u${hex(c.charCodeAt(i), 4)}`;
  return out;
}

/** JSON.stringify, with the characters it leaves raw (DEL, C1, bidi and other format characters)
 * written as \uXXXX too. They can only stand inside strings, where that escape means the same
 * character, so a parser reads back the same value; the only raw C0 left is the indentation's \n. */
export function printableJson(value: unknown, space?: number): string {
  return printableWith(JSON.stringify(value, null, space), (c) => (c < ' ' ? c : jsonEscape(c)));
}
