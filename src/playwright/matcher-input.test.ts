import { describe, expect, it } from 'vitest';
import { callFor, pageFor } from './matcher-input';

// Enough of a Page for the check: the kit only asks whether it is one.
const page = { context: () => ({}), mainFrame: () => ({}), url: () => 'http://app.test/' };
const lens = { page, calls: () => Promise.resolve([]), tabId: () => Promise.resolve(1) };
const call = { url: 'http://api.test/', outcome: 'allowed' };

describe('pageFor', () => {
  it('passes a page through', () => {
    expect(pageFor('toHaveNoCorsErrors', page)).toBe(page);
  });

  it('says to pass the page when given the corsLens fixture', () => {
    expect(() => pageFor('toHaveNoCorsErrors', lens)).toThrow(
      "expect(page).toHaveNoCorsErrors(): expected a Playwright Page, received the corsLens fixture (pass corsLens.page, or the test's page)",
    );
  });

  it('names what it got otherwise', () => {
    expect(() => pageFor('toHaveCorsError', 'http://app.test/')).toThrow('received the string "http://app.test/"');
    expect(() => pageFor('toHaveCorsError', null)).toThrow('received null');
    expect(() => pageFor('toHaveCorsError', undefined)).toThrow('received undefined');
  });
});

describe('callFor', () => {
  it('passes a call through', () => {
    expect(callFor('toBeAllowed', call)).toBe(call);
  });

  it('says to pick one call when given the list', () => {
    expect(() => callFor('toBeAllowed', [call])).toThrow(
      'expect(call).toBeAllowed(): expected one call from corsLens.calls(), received an array of 1 (pick one call, e.g. calls[0], or assert each)',
    );
  });
});
