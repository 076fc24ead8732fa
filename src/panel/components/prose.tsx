// A sentence from the checker, with its Markdown code spans shown as code (see shared/code-spans.ts).
import { splitCodeSpans } from '../../shared/code-spans';

export function Prose({ text }: { readonly text: string }) {
  return (
    <>
      {splitCodeSpans(text).map((part, i) => (part.code ? <code key={i}>{part.text}</code> : part.text))}
    </>
  );
}
