// Text from a HAR or a web server ends up in a terminal (the CLI's output, a Markdown report read
// with cat, a pasted curl command): a control character in a URL could move the cursor, recolour
// the screen or set the window title. Each one is shown as \xHH instead.

// C0, DEL and C1 (0x80–0x9F, which some terminals also act on).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

export function hasControlCharacters(text: string): boolean {
  return text.search(CONTROL) >= 0;
}

/** The text with every control character written as a visible \xHH escape. */
export function printable(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
