// Hands events on at most about once a frame. While calls stream in, the port delivers several
// deltas a frame, each of which used to cost the panel a render of its own; now the first event
// after a quiet spell goes on at once (no added delay) and the rest of that frame's events go
// together at the next animation frame, in time to be painted in it.

export interface FrameBatch<T> {
  push(event: T): void;
  /** Drops what is still queued and stops. */
  cancel(): void;
}

export interface FrameClock {
  requestFrame(fn: () => void): () => void;
  /** A hidden page gets no animation frames; there every event goes on at once. */
  hidden(): boolean;
  /** Fallback for a page hidden after a frame was requested. */
  later(fn: () => void, ms: number): () => void;
}

// A frame that has not come after this long is not coming soon (the page was hidden).
const FRAME_TIMEOUT_MS = 100;

export function frameBatch<T>(deliver: (events: readonly T[]) => void, clock: FrameClock = browserClock): FrameBatch<T> {
  let queued: T[] = [];
  let cancelFrame: (() => void) | null = null;
  let cancelTimeout: (() => void) | null = null;

  function stopWaiting(): void {
    cancelFrame?.();
    cancelTimeout?.();
    cancelFrame = cancelTimeout = null;
  }

  function endOfFrame(): void {
    stopWaiting();
    if (queued.length === 0) return;
    const events = queued;
    queued = [];
    deliver(events);
  }

  return {
    push(event) {
      if (clock.hidden()) {
        endOfFrame();
        deliver([event]);
        return;
      }
      if (cancelFrame !== null) {
        queued.push(event);
        return;
      }
      // The first event of a frame goes on now; later ones in the same frame wait for its end.
      cancelFrame = clock.requestFrame(endOfFrame);
      cancelTimeout = clock.later(endOfFrame, FRAME_TIMEOUT_MS);
      deliver([event]);
    },
    cancel() {
      stopWaiting();
      queued = [];
    },
  };
}

const browserClock: FrameClock = {
  requestFrame(fn) {
    const handle = requestAnimationFrame(fn);
    return () => cancelAnimationFrame(handle);
  },
  hidden: () => document.visibilityState === 'hidden',
  later(fn, ms) {
    const handle = setTimeout(fn, ms);
    return () => clearTimeout(handle);
  },
};
