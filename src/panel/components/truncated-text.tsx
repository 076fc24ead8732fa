// Header values can be kilobytes long (cookies, CSP). Show the start, and let the user expand.
// Always rendered as a React text node, so a value can never become markup; control characters
// are shown as visible symbols (␀, ␛, …) and bidi or invisible ones as escapes (\u202e), so a
// value cannot hide or reorder part of itself.
import { useState } from 'react';
import { printableWith } from '../../shared/printable';

const DEFAULT_LIMIT = 160;

export function TruncatedText({ value, limit = DEFAULT_LIMIT }: { readonly value: string; readonly limit?: number }) {
  const [expanded, setExpanded] = useState(false);
  if (value.length <= limit) return <span className="value">{showControls(value)}</span>;
  return (
    <span className="value">
      {showControls(expanded ? value : `${safeSlice(value, limit)}…`)}{' '}
      <button
        type="button"
        className="link-button"
        data-testid="expand-value"
        aria-expanded={expanded}
        onClick={() => setExpanded((e) => !e)}
      >
        {expanded ? 'show less' : `show all ${value.length} chars`}
      </button>
    </span>
  );
}

// Do not cut a surrogate pair in half; a lone half renders as a replacement character.
function safeSlice(value: string, limit: number): string {
  const code = value.charCodeAt(limit - 1);
  return value.slice(0, code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit);
}

// C0 controls and DEL map onto the Control Pictures block (U+2400–U+2421); tab stays a tab. The
// other characters that hide or reorder text (C1, bidi overrides, zero-width) have no picture and
// show as the \x/\u escape every other output writes.
function controlPicture(c: string): string | null {
  if (c === '\t') return c;
  if (c === '\u007f') return '\u2421';
  return c < ' ' ? String.fromCharCode(0x2400 + c.charCodeAt(0)) : null;
}

function showControls(value: string): string {
  return printableWith(value, controlPicture);
}
