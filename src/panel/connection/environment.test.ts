import { expect, test } from 'vitest';
import { devtoolsTheme, inspectedTabId, parseTabId } from './environment';

type Case = { search: string; want: number | null };
const cases: readonly Case[] = [
  { search: '?tabId=42', want: 42 },
  { search: '?x=1&tabId=7', want: 7 },
  { search: '?tabId=-1', want: -1 },
  { search: '', want: null },
  { search: '?tabId=', want: null },
  { search: '?tabId=4.2', want: null },
  { search: '?tabId=abc', want: null },
  { search: '?tabId=99999999999999999999', want: null },
];

test.each(cases)('parseTabId($search) is $want', ({ search, want }) => {
  expect(parseTabId(search)).toBe(want);
});

test('outside DevTools (no chrome.devtools) the tab id comes from the URL and no theme is forced', () => {
  expect(inspectedTabId('?tabId=5')).toBe(5);
  expect(devtoolsTheme()).toBeNull();
});
