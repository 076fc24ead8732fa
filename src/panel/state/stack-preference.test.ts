import { describe, expect, test } from 'vitest';
import type { PanelStore } from './panel-store';
import { DEFAULT_STACK, readStack, STACK_KEY, writeStack } from './stack-preference';

function memory(initial: Record<string, string> = {}): PanelStore & { readonly data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('stack preference', () => {
  test('round-trips a stack under cors-lens:stack', () => {
    const store = memory();
    writeStack(store, 'nginx');
    expect(store.data.get(STACK_KEY)).toBe('nginx');
    expect(readStack(store)).toBe('nginx');
  });

  test.each([null, '', 'NGINX', 'iis', '{"x":1}'])('falls back to the default for %j', (stored) => {
    expect(readStack(memory(stored === null ? {} : { [STACK_KEY]: stored }))).toBe(DEFAULT_STACK);
  });

  test('survives storage that throws or is missing', () => {
    const broken: PanelStore = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(readStack(broken)).toBe(DEFAULT_STACK);
    expect(() => writeStack(broken, 'go')).not.toThrow();
    expect(readStack(null)).toBe(DEFAULT_STACK);
  });
});
