import { describe, expect, it } from 'vitest';
import { capHeaderValue, MAX_HEADER_VALUE_LENGTH, parseCutValue } from './header-cap';

describe('header value cap', () => {
  it('keeps short values as they are and does not read them as cut', () => {
    expect(capHeaderValue('abc')).toBe('abc');
    expect(parseCutValue('abc')).toBeNull();
  });

  it('says how much of a long value it kept, and the panel reads that back', () => {
    const value = 'v'.repeat(MAX_HEADER_VALUE_LENGTH + 100);
    const capped = capHeaderValue(value);
    expect(capped).toContain(`cut at capture: ${MAX_HEADER_VALUE_LENGTH} of ${value.length} characters kept`);
    expect(parseCutValue(capped)).toEqual({ kept: 'v'.repeat(MAX_HEADER_VALUE_LENGTH), originalLength: value.length });
  });

  it('does not take a short value that only ends like a cut note for a cut', () => {
    expect(parseCutValue('x… [cut at capture: 5 of 99 characters kept]')).toBeNull();
  });
});
