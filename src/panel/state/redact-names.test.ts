import { describe, expect, test } from 'vitest';
import { readRedactNames, readRedactNamesText, REDACT_NAMES_KEY, writeRedactNames } from './redact-names';

function mapStore(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
}

describe('redact names', () => {
  test('what is written is read back, as text and as names', () => {
    const store = mapStore();
    writeRedactNames(store, 'X-Tenant, session_id');
    expect(readRedactNamesText(store)).toBe('X-Tenant, session_id');
    expect(readRedactNames(store)).toEqual(['X-Tenant', 'session_id']);
  });

  test('nothing stored, no storage or a throwing storage: no extra names', () => {
    const throwing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(readRedactNames(mapStore())).toEqual([]);
    expect(readRedactNames(null)).toEqual([]);
    expect(readRedactNames(throwing)).toEqual([]);
    expect(() => writeRedactNames(throwing, 'x')).not.toThrow();
    expect(readRedactNames(mapStore({ [REDACT_NAMES_KEY]: ' , ' }))).toEqual([]);
  });
});
