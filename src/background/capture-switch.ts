// Pause capture. Paused, the worker removes every webRequest listener, so Chromium stops routing
// the profile's requests through the extension (what capturing costs) and nothing is recorded.
//
// The listeners are added synchronously when the worker starts, before the saved choice can be
// read, so the event that woke a capturing worker is not missed. Events that arrive before the
// choice is known are held, then recorded (capturing) or dropped (paused).
import type { WireEvent } from './wire-event';

/** One webRequest listener that can be added and removed again. */
export interface Subscription {
  add(): void;
  remove(): void;
  isListening(): boolean;
}

/** Records an event; `preparedIn` is the time (ms) already spent turning it into a WireEvent. */
export type EventSink = (event: WireEvent, preparedIn: number) => void;

export type CaptureMode = 'starting' | 'capturing' | 'paused';

export interface CaptureSwitch {
  /** Called by every listener. */
  deliver: EventSink;
  /** Obeys the saved choice; safe to call again with the same value. */
  apply(paused: boolean): void;
  mode(): CaptureMode;
  /** True only when every listener is registered. */
  isListening(): boolean;
}

export function startCaptureSwitch(subscriptions: readonly Subscription[], record: EventSink): CaptureSwitch {
  let mode: CaptureMode = 'starting';
  let held: [WireEvent, number][] = [];
  for (const subscription of subscriptions) subscription.add();

  return {
    deliver(event, preparedIn) {
      if (mode === 'capturing') record(event, preparedIn);
      else if (mode === 'starting') held.push([event, preparedIn]);
    },
    apply(paused) {
      const heldEvents = held;
      held = [];
      if (paused) {
        for (const subscription of subscriptions) subscription.remove();
        mode = 'paused';
        return;
      }
      for (const subscription of subscriptions) subscription.add();
      mode = 'capturing';
      for (const [event, preparedIn] of heldEvents) record(event, preparedIn);
    },
    mode: () => mode,
    isListening: () => subscriptions.every((s) => s.isListening()),
  };
}
