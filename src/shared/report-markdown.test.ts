import { describe, expect, test } from 'vitest';
import { checkCall } from './cors/checker';
import { escapeMarkdown, reportMarkdown } from './report-markdown';
import { ALLOWED_GET, NO_ACAO, PREFLIGHT_HEADER, REALISTIC_CALLS } from './report-test-calls';

const env = { browser: 'Chrome 156', pageOrigin: 'https://app.example', generatedAt: new Date('2026-11-26T13:00:00Z') };

describe('reportMarkdown', () => {
  const md = reportMarkdown(REALISTIC_CALLS, env);

  test('has the environment and one summary row per call', () => {
    expect(md).toContain('- Browser: Chrome 156');
    expect(md).toContain('- Page origin: https://app.example');
    expect(md).toContain('- Generated: 2026-11-26T13:00:00.000Z');
    const rows = md.split('\n').filter((l) => /^\| \d+ \|/.test(l));
    expect(rows).toHaveLength(REALISTIC_CALLS.length);
  });

  test('names the code, the header at fault and a mermaid diagram for each blocked call', () => {
    const one = reportMarkdown([NO_ACAO], env);
    const code = checkCall(NO_ACAO).corsError?.code;
    expect(code).toBe('MissingAllowOriginHeader');
    expect(one).toContain(`blocked, \`${code}\``);
    expect(one).toContain('Header at fault: **Access-Control-Allow-Origin**');
    expect(one).toMatch(/```mermaid\nsequenceDiagram\n/);
    expect(one).toContain('Browser-xPage');
    expect(one).toContain('Express (cors):');
  });

  test('lists preflight headers for a preflight failure', () => {
    const one = reportMarkdown([PREFLIGHT_HEADER], env);
    expect(one).toContain('| Preflight request | Access-Control-Request-Method | PUT |');
    expect(one).toContain('Access-Control-Allow-Headers');
  });

  test('escapes pipes in table cells and keeps them out of mermaid statements', () => {
    const one = reportMarkdown([PREFLIGHT_HEADER], env);
    expect(one).toContain('x-debug\\|1');
    const diagram = one.slice(one.indexOf('```mermaid'), one.indexOf('```', one.indexOf('```mermaid') + 3));
    expect(diagram).toContain('#59;');
    expect(diagram.replace(/#\d+;/g, '')).not.toContain(';');
  });

  test('allowed calls get no blocked section', () => {
    expect(reportMarkdown([ALLOWED_GET], env)).not.toContain('## Blocked calls');
  });

  test.each([
    ['a|b', 'a\\|b'],
    ['`x`', '\\`x\\`'],
    ['line\nbreak', 'line break'],
  ])('escapeMarkdown(%j)', (input, want) => {
    expect(escapeMarkdown(input)).toBe(want);
  });
});
