import { describe, expect, test } from 'vitest';
import { checkCall } from './cors/checker';
import { codeSpan, escapeMarkdown, reportMarkdown } from './report-markdown';
import { blocked, hop, response } from './cors/test-calls';
import { printable } from './printable';
import { ALLOWED_GET, NO_ACAO, PREFLIGHT_HEADER, REALISTIC_CALLS } from './report-test-calls';
import { blockedByAllowOrigin, HOSTILE_VALUES, RAW_UNPRINTABLE } from './unprintable-test-values';

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
    ['x`](https://evil) <img src=x>', 'x\\`\\]\\(https://evil\\) &lt;img src=x&gt;'],
    ['a\u001b[31mb\u0007\u009b', 'a\\\\x1b\\[31mb\\\\x07\\\\x9b'],
    ['[a](b) ![c] *d* _e_ &amp;', '\\[a\\]\\(b\\) \\!\\[c\\] \\*d\\* \\_e\\_ &amp;amp;'],
  ])('escapeMarkdown(%j)', (input, want) => {
    expect(escapeMarkdown(input)).toBe(want);
  });

  test.each([
    ['plain', '`plain`'],
    ['a`b', '``a`b``'],
    ['a``b`', '``` a``b` ```'],
    ['`x`](https://evil)', '`` `x`](https://evil) ``'],
    ['a\u001b[2Jb', '`a\\x1b[2Jb`'],
  ])('codeSpan(%j) is longer than any backtick run in the value', (input, want) => {
    expect(codeSpan(input)).toBe(want);
  });

  test('a hostile header value renders as inert text everywhere it appears', () => {
    const evil = 'x`](https://evil) <img src=x onerror=alert(1)> [y](z) **b** _i_';
    const call = blocked({
      hops: [
        hop({
          url: 'https://api.example/a_b*c?x=[1](2)&y=<b>',
          response: response(200, [
            ['Access-Control-Allow-Origin', evil],
            ['Access-Control-Allow-Headers', evil],
          ]),
        }),
      ],
    });
    const md = reportMarkdown([call], { ...env, browser: 'Chrome <b>', pageOrigin: 'https://app.example' });
    expect(checkCall(call).outcome).toBe('blocked');
    const fences = md.split('```mermaid')[0]!;
    // No raw markup, no link or image syntax and no emphasis markers survive outside code spans.
    const outsideCode = fences.replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, '');
    expect(outsideCode).not.toMatch(/<(img|b)\b/);
    expect(outsideCode).not.toMatch(/(?<!\\)\]\(/);
    expect(outsideCode).not.toMatch(/(?<!\\)[*_]{1,2}[a-z]/);
    // The value is in the headers table, escaped, and the fault line quotes it in one code span.
    expect(md).toContain('| Response | Access-Control-Allow-Origin | x\\`\\]\\(https://evil\\) &lt;img src=x onerror=alert\\(1\\)&gt;');
    expect(md).toContain(`Header at fault: **Access-Control-Allow-Origin** in the response: ${codeSpan(evil)}`);
    expect(md).toContain('- Browser: Chrome &lt;b&gt;');
    expect(md.slice(md.indexOf('```mermaid'))).not.toMatch(/<(img|b)\b/);
  });

  describe('no terminal escape, bidi override or C1 control from the wire reaches the report raw', () => {
    const diagramOf = (text: string) => text.slice(text.indexOf('```mermaid'), text.indexOf('```', text.indexOf('```mermaid') + 3));

    test.each(HOSTILE_VALUES)('Access-Control-Allow-Origin %j, in prose, tables and the diagram', (value) => {
      const text = reportMarkdown([blockedByAllowOrigin(value)], env);
      expect(text).not.toMatch(RAW_UNPRINTABLE);
      expect(text).toContain(codeSpan(value));
      expect(diagramOf(text)).toContain(`Access-Control-Allow-Origin: ${printable(value).replace(/;/g, '#59;')}`);
    });

    test('a # in a diagram label is escaped once: a#b is a#35;b', () => {
      expect(diagramOf(reportMarkdown([blockedByAllowOrigin('https://x.example/a#b')], env))).toContain(
        'Access-Control-Allow-Origin: https://x.example/a#35;b\n',
      );
    });

    test('a %%{init}%% directive or a %% comment in a value reaches Mermaid as text', () => {
      const diagram = diagramOf(reportMarkdown([blockedByAllowOrigin('x %%{init: {"theme": "dark"}}%% y')], env));
      expect(diagram).not.toContain('%');
      expect(diagram).toContain('Access-Control-Allow-Origin: x #37;#37;{init: {"theme": "dark"}}#37;#37; y\n');
    });
  });
});
