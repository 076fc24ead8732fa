// The checker's sentences mark header names and values as code spans (`Vary: Origin`). The
// Markdown export re-fences each span and the panel shows it as code; both cut the sentence here,
// so they agree on what is code. A backtick left without a partner is plain text.

export interface ProsePart {
  readonly text: string;
  readonly code: boolean;
}

export function splitCodeSpans(text: string): ProsePart[] {
  const pieces = text.split('`');
  // An even count of pieces means an odd count of backticks: the last one opens nothing.
  const unpaired = pieces.length % 2 === 0 ? pieces.pop() : undefined;
  if (unpaired !== undefined) pieces[pieces.length - 1] += `\`${unpaired}`;
  return pieces.map((piece, i) => ({ text: piece, code: i % 2 === 1 })).filter((part) => part.code || part.text !== '');
}
