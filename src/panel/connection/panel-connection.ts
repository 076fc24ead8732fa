// The panel's end of the `panel:<tabId>` port. It survives service-worker restarts the same way
// React DevTools and Apollo DevTools do: when the port drops, open a new one after a short delay
// and say hello again; the background answers every hello with a full snapshot, so a reconnect
// needs no special path in the state.
import {
  isBackgroundMessage,
  isTrialMessage,
  PANEL_PORT_PREFIX,
  PROTOCOL_VERSION,
  type PanelMessage,
  type WorkerMessage,
} from '../../shared/protocol';

/** The subset of chrome.runtime.Port we use; tests pass a fake. */
export interface PortLike {
  postMessage(message: PanelMessage): void;
  disconnect(): void;
  readonly onMessage: { addListener(listener: (message: unknown) => void): void };
  readonly onDisconnect: { addListener(listener: () => void): void };
}

/** Thrown by a port factory when the extension context is gone (reloaded or updated). */
export class ExtensionContextGoneError extends Error {}

export type ConnectionEvent =
  | WorkerMessage
  | { readonly kind: 'connection-lost' }
  | { readonly kind: 'extension-reloaded' };

export interface PanelConnectionOptions {
  readonly tabId: number;
  readonly connect: (name: string) => PortLike;
  readonly onEvent: (event: ConnectionEvent) => void;
  /** Delays before each retry; the last one repeats. */
  readonly retryDelaysMs?: readonly number[];
  /** Runs fn after ms and returns a cancel function; tests pass a manual clock. */
  readonly schedule?: (fn: () => void, ms: number) => () => void;
}

export interface PanelConnection {
  /** False when no port is open (reconnecting or stopped); the message is dropped. */
  send(message: PanelMessage): boolean;
  /** Stops for good: disconnects and cancels any pending retry. */
  close(): void;
}

// A restarted worker is usually up again within a few hundred ms; back off so a worker that
// keeps failing does not get hammered.
const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [100, 250, 500, 1000, 2000];

function defaultSchedule(fn: () => void, ms: number): () => void {
  const handle = setTimeout(fn, ms);
  return () => clearTimeout(handle);
}

export function openPanelConnection(options: PanelConnectionOptions): PanelConnection {
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const schedule = options.schedule ?? defaultSchedule;
  let port: PortLike | null = null;
  let stopped = false;
  let failures = 0;
  let cancelRetry: (() => void) | null = null;

  function stop(): void {
    stopped = true;
    cancelRetry?.();
    cancelRetry = null;
    const p = port;
    port = null;
    // Our own disconnect does not fire our onDisconnect, so no retry follows.
    p?.disconnect();
  }

  function scheduleRetry(): void {
    const delay = delays[Math.min(failures, delays.length - 1)] ?? 1000;
    failures += 1;
    cancelRetry = schedule(() => {
      cancelRetry = null;
      open();
    }, delay);
  }

  function open(): void {
    if (stopped) return;
    let p: PortLike;
    try {
      p = options.connect(PANEL_PORT_PREFIX + String(options.tabId));
    } catch (err) {
      if (err instanceof ExtensionContextGoneError) {
        stopped = true;
        options.onEvent({ kind: 'extension-reloaded' });
        return;
      }
      scheduleRetry();
      return;
    }
    port = p;
    p.onMessage.addListener((raw) => {
      if (stopped || port !== p || !(isBackgroundMessage(raw) || isTrialMessage(raw))) return;
      // A background we cannot understand: show the mismatch and stop, or we would reconnect
      // forever to a worker that keeps rejecting us.
      if (raw.kind === 'snapshot' && raw.protocol !== PROTOCOL_VERSION) {
        stop();
        options.onEvent({ kind: 'protocol-mismatch', background: raw.protocol });
        return;
      }
      if (raw.kind === 'protocol-mismatch') {
        stop();
        options.onEvent(raw);
        return;
      }
      if (raw.kind === 'snapshot') failures = 0;
      options.onEvent(raw);
    });
    p.onDisconnect.addListener(() => {
      if (stopped || port !== p) return;
      port = null;
      options.onEvent({ kind: 'connection-lost' });
      scheduleRetry();
    });
    send({ kind: 'hello', protocol: PROTOCOL_VERSION, tabId: options.tabId });
  }

  function send(message: PanelMessage): boolean {
    if (port === null) return false;
    try {
      port.postMessage(message);
      return true;
    } catch {
      // The port died between events; its onDisconnect schedules the reconnect.
      return false;
    }
  }

  open();
  return { send, close: stop };
}
