// Finds where a JSON text stops being valid. Node 20's JSON.parse names the bad token but not
// always its position, and a HAR is megabytes on a few long lines or thousands of short ones, so
// the line number is what lets a user find the problem.

class InvalidAt extends Error {
  constructor(readonly offset: number) {
    super(`invalid JSON at ${offset}`);
  }
}

/** Offset of the first character that makes `text` invalid JSON, or null when it is valid. */
export function jsonErrorOffset(text: string): number | null {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  const fail = (): never => {
    throw new InvalidAt(i);
  };
  const literal = (word: string): void => {
    for (const c of word) {
      if (text.charAt(i) !== c) fail();
      i++;
    }
  };
  const string = (): void => {
    i++; // opening quote
    for (;;) {
      if (i >= text.length) fail();
      const c = text.charCodeAt(i);
      if (c === 0x22) return void i++;
      if (c < 0x20) fail();
      if (c === 0x5c) {
        i++;
        const e = text.charAt(i);
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(e) || e === '') fail();
      }
      i++;
    }
  };
  const number = (): void => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (m === null || m[0] === '') fail();
    else i += m[0].length;
  };
  /** A member's key and colon, after `{` or a comma inside an object. */
  const key = (): void => {
    ws();
    if (text.charAt(i) !== '"') fail();
    string();
    ws();
    if (text.charAt(i) !== ':') fail();
    i++;
  };
  // Iterative, with the open containers on an explicit stack: a file of 200,000 `[` must get an
  // answer, not a call stack overflow.
  const open: string[] = [];
  /** Reads values until the top-level one is done. */
  const document = (): void => {
    for (;;) {
      ws();
      const c = text.charAt(i);
      if (c === '{' || c === '[') {
        i++;
        ws();
        const close = c === '{' ? '}' : ']';
        if (text.charAt(i) !== close) {
          open.push(close);
          if (c === '{') key();
          continue;
        }
        i++;
      } else if (c === '"') string();
      else if (c === 't') literal('true');
      else if (c === 'f') literal('false');
      else if (c === 'n') literal('null');
      else number();
      // A value ended: close what it ends, or go on after a comma.
      for (;;) {
        const close = open.at(-1);
        if (close === undefined) return;
        ws();
        const d = text.charAt(i);
        if (d === close) {
          i++;
          open.pop();
        } else if (d === ',') {
          i++;
          if (close === '}') key();
          break;
        } else fail();
      }
    }
  };
  try {
    document();
    ws();
    return i < text.length ? i : null;
  } catch (error) {
    if (error instanceof InvalidAt) return error.offset;
    throw error;
  }
}
