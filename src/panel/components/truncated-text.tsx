// Header values can be kilobytes long (cookies, CSP). Show the start, and let the user expand.
// Always rendered as a React text node, so a value can never become markup; control characters
// are shown as visible symbols (␀, ␛, …) so a value cannot hide part of itself.
import { useState } from 'react';

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

// C0 controls and DEL map onto the Control Pictures block (U+2400–U+2421); tab stays a tab.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000a-\u001f\u007f]/g;

function showControls(value: string): string {
  return value.replace(CONTROL_CHARACTER, (c) => String.fromCharCode(c === '\u007f' ? 0x2421 : 0x2400 + c.charCodeAt(0)));
}
