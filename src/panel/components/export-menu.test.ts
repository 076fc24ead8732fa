// The Export menu's markup, rendered to a string in Node (no DOM), for the testids tests rely on.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { call } from '../state/test-calls';
import { ExportMenu } from './export-menu';

describe('ExportMenu', () => {
  test('has every control, with credentials off by default', () => {
    const html = renderToStaticMarkup(createElement(ExportMenu, { selected: undefined, shown: [], all: [call('a')] }));
    for (const id of ['export-menu', 'export-format', 'export-scope', 'keep-credentials', 'export-copy', 'export-download', 'export-json']) {
      expect(html).toContain(`data-testid="${id}"`);
    }
    expect(html).not.toMatch(/data-testid="keep-credentials"[^>]*checked/);
    expect(html).toContain('<option value="call" disabled="">This call</option>');
  });

  test('scopes to the selected call when there is one', () => {
    const one = call('a');
    const html = renderToStaticMarkup(createElement(ExportMenu, { selected: one, shown: [one], all: [one] }));
    expect(html).toMatch(/<option value="call" selected="">This call<\/option>/);
  });
});
