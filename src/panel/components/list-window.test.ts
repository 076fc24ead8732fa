import { expect, test } from 'vitest';
import { keyRowsByPlace, listWindow } from './list-window';

type Case = {
  name: string;
  count: number;
  scrollTop: number;
  viewportHeight: number;
  want: { start: number; end: number; padTop: number; padBottom: number };
};
// rowHeight 20, overscan 5, threshold 100 throughout.
const cases: readonly Case[] = [
  { name: 'short lists mount every row', count: 100, scrollTop: 500, viewportHeight: 200, want: { start: 0, end: 100, padTop: 0, padBottom: 0 } },
  { name: 'top of a long list', count: 1000, scrollTop: 0, viewportHeight: 200, want: { start: 0, end: 15, padTop: 0, padBottom: 985 * 20 } },
  { name: 'middle of a long list', count: 1000, scrollTop: 2000, viewportHeight: 200, want: { start: 95, end: 115, padTop: 95 * 20, padBottom: 885 * 20 } },
  { name: 'bottom of a long list', count: 1000, scrollTop: 19800, viewportHeight: 200, want: { start: 985, end: 1000, padTop: 985 * 20, padBottom: 0 } },
  { name: 'scrolled past the end (list shrank)', count: 1000, scrollTop: 99999, viewportHeight: 200, want: { start: 995, end: 1000, padTop: 995 * 20, padBottom: 0 } },
  { name: 'not yet measured mounts a screenful', count: 1000, scrollTop: 0, viewportHeight: 0, want: { start: 0, end: 65, padTop: 0, padBottom: 935 * 20 } },
];

test.each(cases)('$name', ({ count, scrollTop, viewportHeight, want }) => {
  expect(listWindow({ count, rowHeight: 20, scrollTop, viewportHeight, overscan: 5, threshold: 100 })).toEqual(want);
});

test('the mounted rows plus padding always span the whole list', () => {
  for (const scrollTop of [0, 7, 333, 5000, 19999]) {
    const w = listWindow({ count: 1000, rowHeight: 20, scrollTop, viewportHeight: 300, overscan: 3, threshold: 10 });
    expect(w.padTop + (w.end - w.start) * 20 + w.padBottom).toBe(1000 * 20);
  }
});

test.each([
  { name: 'nothing mounted before: nothing to reuse', before: [], byPlace: true, now: ['a', 'b'], want: false },
  { name: 'a few rows scrolled in', before: ['a', 'b', 'c', 'd'], byPlace: true, now: ['b', 'c', 'd', 'e'], want: false },
  { name: 'half kept is not a jump', before: ['a', 'b', 'c', 'd'], byPlace: false, now: ['c', 'd', 'e', 'f'], want: false },
  { name: 'flung past most rows', before: ['a', 'b', 'c', 'd'], byPlace: false, now: ['d', 'e', 'f', 'g'], want: true },
  { name: 'refiltered to other calls', before: ['a', 'b'], byPlace: false, now: ['x', 'y'], want: true },
  { name: 'same rows keep keys by place', before: ['a', 'b'], byPlace: true, now: ['a', 'b'], want: true },
  { name: 'same rows keep keys by call', before: ['a', 'b'], byPlace: false, now: ['b', 'a'], want: false },
])('keyRowsByPlace: $name', ({ before, byPlace, now, want }) => {
  expect(keyRowsByPlace({ ids: new Set(before), byPlace }, now)).toBe(want);
});
