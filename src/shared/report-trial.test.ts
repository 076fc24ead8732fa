// Every export says a trialled call's outcome is not the server's: JSON report, Markdown, HAR.
import { describe, expect, test } from 'vitest';
import { buildReport } from './report';
import { reportHar } from './report-har';
import { reportMarkdown } from './report-markdown';
import { REALISTIC_CALLS, TRIALLED } from './report-test-calls';
import { TRIAL_NOTE } from './trial/trial-mark';

describe('a call made under a trial rule', () => {
  test('the JSON report marks it, and only it', () => {
    const calls = buildReport(REALISTIC_CALLS).calls;
    expect(calls.find((c) => c.id === TRIALLED.id)).toMatchObject({ outcome: 'allowed', trial: { id: 'trial-1', note: TRIAL_NOTE } });
    expect(calls.filter((c) => c.trial !== null)).toHaveLength(1);
  });

  test('the Markdown summary says so in its row and above the table', () => {
    const md = reportMarkdown(REALISTIC_CALLS, { browser: 'Chromium', pageOrigin: 'https://app.example', generatedAt: new Date(0) });
    expect(md).toContain('1 call was made under a CORS Lens trial rule');
    const row = md.split('\n').find((line) => line.startsWith('| 7 |'));
    // Cells escape ( and ) like every value (they render as typed).
    expect(row).toContain(`allowed \\(trial: ${TRIAL_NOTE}\\)`);
  });

  test('the HAR tags its entries', () => {
    const entries = reportHar(REALISTIC_CALLS, { name: 'CORS Lens', version: 'test' }).log.entries;
    const trialled = entries.filter((e) => e._corsLens.callId === TRIALLED.id);
    expect(trialled.length).toBeGreaterThan(0);
    expect(trialled.every((e) => e._corsLens.trial === TRIAL_NOTE)).toBe(true);
    expect(entries.filter((e) => e._corsLens.callId !== TRIALLED.id).every((e) => e._corsLens.trial === null)).toBe(true);
  });
});
