// "Fix on your server": the smallest CORS configuration that makes this call pass, as a snippet for
// the stack the user picks. The choice is remembered across panel sessions.
import { useState } from 'react';
import type { Verdict } from '../../shared/cors/types';
import { serverFixFor } from '../../shared/fixes/server-config';
import { renderSnippet, STACK_LABELS, STACKS, type Stack } from '../../shared/fixes/snippets';
import type { ObservedCall } from '../../shared/observed-call';
import { browserStore } from '../state/panel-store';
import { isStack, readStack, writeStack } from '../state/stack-preference';
import { verdictFor } from '../state/verdicts';
import { useTrials } from '../trial/trial-context';
import { latestTrialOf, trialResultCall } from '../trial/trial-state';
import { CopyButton } from './copy-button';

export function ServerFix({ call, verdict }: { readonly call: ObservedCall; readonly verdict: Verdict }) {
  const [stack, setStack] = useState<Stack>(() => readStack(browserStore()));
  const { state, calls } = useTrials();
  const config = serverFixFor(call, verdict);
  if (config === null) return null;
  // Verified: a trial rule sent exactly this configuration's headers and Chromium then allowed the call.
  const trial = latestTrialOf(state.trials, call.id);
  const result = trial === null ? null : trialResultCall(calls, trial.id);
  const verified =
    trial !== null && result !== null && verdictFor(result).outcome === 'allowed' && JSON.stringify(trial.plan.config) === JSON.stringify(config);
  const snippet = renderSnippet(stack, config);
  const choose = (value: string): void => {
    if (!isStack(value)) return;
    setStack(value);
    writeStack(browserStore(), value);
  };
  return (
    <div className="server-fix" data-testid="server-fix" data-verified={String(verified)}>
      {verified && (
        <p className="fix-verified" data-testid="fix-verified">
          ✓ Verified in this browser: with these headers (set by a CORS Lens trial rule) Chromium allowed this call.
        </p>
      )}
      <div className="server-fix-bar">
        <label className="tool-check">
          <span className="muted">Stack</span>
          <select
            className="tool-select"
            data-testid="fix-stack"
            value={stack}
            onChange={(e) => choose(e.currentTarget.value)}
          >
            {STACKS.map((s) => (
              <option key={s} value={s}>
                {STACK_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <CopyButton text={snippet} label="Copy" testId="copy-fix" kind={stack} />
      </div>
      <pre className="snippet" data-testid="fix-snippet" data-stack={stack}>
        {snippet}
      </pre>
    </div>
  );
}
