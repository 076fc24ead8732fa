// A button that copies a prepared string and says so for a moment. The panel is an extension page,
// so navigator.clipboard works there; a refusal is shown rather than swallowed.
import { useEffect, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

const STATE_LABELS: Record<Exclude<CopyState, 'idle'>, string> = { copied: 'Copied', failed: 'Copy failed' };

interface CopyButtonProps {
  readonly text: string;
  readonly label: string;
  readonly testId: string;
  /** Extra data-kind for tests that tell several copy buttons apart. */
  readonly kind?: string;
  readonly title?: string;
}

export function CopyButton({ text, label, testId, kind, title }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state === 'idle') return undefined;
    const timer = setTimeout(() => setState('idle'), 1500);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = (): void => {
    navigator.clipboard.writeText(text).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return (
    <button
      type="button"
      className="tool-button copy-button"
      data-testid={testId}
      data-kind={kind}
      data-copy-state={state}
      title={title}
      onClick={copy}
    >
      {state === 'idle' ? label : STATE_LABELS[state]}
    </button>
  );
}
