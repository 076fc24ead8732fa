import { expect, test } from 'vitest';
import { frameBatch, type FrameClock } from './frame-batch';

/** A clock whose frames and timeouts run only when the test says so. */
function manualClock() {
  let frame: (() => void) | null = null;
  let timeout: (() => void) | null = null;
  let hidden = false;
  const clock: FrameClock = {
    requestFrame(fn) {
      frame = fn;
      return () => (frame = null);
    },
    hidden: () => hidden,
    later(fn) {
      timeout = fn;
      return () => (timeout = null);
    },
  };
  return {
    clock,
    frame: () => frame?.(),
    timeout: () => timeout?.(),
    hide: () => (hidden = true),
  };
}

function batchInto(clock: FrameClock) {
  const delivered: number[][] = [];
  const batch = frameBatch<number>((events) => delivered.push([...events]), clock);
  return { batch, delivered };
}

test('events wait for the next frame and go on together, in order', () => {
  const time = manualClock();
  const { batch, delivered } = batchInto(time.clock);
  batch.push(1);
  batch.push(2);
  batch.push(3);
  expect(delivered).toEqual([]);
  time.frame();
  expect(delivered).toEqual([[1, 2, 3]]);
  batch.push(4);
  expect(delivered).toEqual([[1, 2, 3]]);
  time.frame();
  expect(delivered).toEqual([[1, 2, 3], [4]]);
});

test('a frame with nothing queued delivers nothing', () => {
  const time = manualClock();
  const { batch, delivered } = batchInto(time.clock);
  batch.push(1);
  time.frame();
  time.frame();
  expect(delivered).toEqual([[1]]);
});

test('a frame that never comes is made up for by the timeout', () => {
  const time = manualClock();
  const { batch, delivered } = batchInto(time.clock);
  batch.push(1);
  batch.push(2);
  time.timeout();
  expect(delivered).toEqual([[1, 2]]);
  time.frame();
  expect(delivered).toEqual([[1, 2]]);
});

test('a hidden page gets every event at once, after whatever was queued', () => {
  const time = manualClock();
  const { batch, delivered } = batchInto(time.clock);
  batch.push(1);
  batch.push(2);
  time.hide();
  batch.push(3);
  expect(delivered).toEqual([[1, 2], [3]]);
});

test('cancel drops what is queued', () => {
  const time = manualClock();
  const { batch, delivered } = batchInto(time.clock);
  batch.push(1);
  batch.push(2);
  batch.cancel();
  time.frame();
  time.timeout();
  expect(delivered).toEqual([]);
});
