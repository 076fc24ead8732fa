import { describe, expect, test } from 'vitest';
import { PROTOCOL_VERSION, type PanelMessage, type TabCounters } from '../../shared/protocol';
import {
  ExtensionContextGoneError,
  openPanelConnection,
  type ConnectionEvent,
  type PortLike,
} from './panel-connection';

const counters: TabCounters = { droppedCount: 0, sameOriginCount: 0, preserveLog: false };

class FakePort implements PortLike {
  readonly sent: PanelMessage[] = [];
  disconnected = false;
  private messageListeners: ((m: unknown) => void)[] = [];
  private disconnectListeners: (() => void)[] = [];
  constructor(readonly name: string) {}
  postMessage(message: PanelMessage): void {
    if (this.disconnected) throw new Error('Attempting to use a disconnected port object');
    this.sent.push(message);
  }
  disconnect(): void {
    this.disconnected = true;
  }
  readonly onMessage = { addListener: (l: (m: unknown) => void) => void this.messageListeners.push(l) };
  readonly onDisconnect = { addListener: (l: () => void) => void this.disconnectListeners.push(l) };
  /** The background says something. */
  deliver(message: unknown): void {
    for (const l of this.messageListeners) l(message);
  }
  /** The worker went away. */
  drop(): void {
    this.disconnected = true;
    for (const l of this.disconnectListeners) l();
  }
}

function setup(connect?: (name: string) => PortLike) {
  const ports: FakePort[] = [];
  const events: ConnectionEvent[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const conn = openPanelConnection({
    tabId: 42,
    connect:
      connect ??
      ((name) => {
        const p = new FakePort(name);
        ports.push(p);
        return p;
      }),
    onEvent: (e) => events.push(e),
    retryDelaysMs: [10, 20],
    schedule: (fn, ms) => {
      const timer = { fn, ms };
      timers.push(timer);
      return () => void timers.splice(timers.indexOf(timer), 1);
    },
  });
  const fireTimer = (): number => {
    const t = timers.shift();
    if (t === undefined) throw new Error('no timer scheduled');
    t.fn();
    return t.ms;
  };
  return { conn, ports, events, timers, fireTimer };
}

const snapshot = (protocol = PROTOCOL_VERSION) => ({ kind: 'snapshot', protocol, calls: [], counters });

describe('openPanelConnection', () => {
  test('connects as panel:<tabId> and says hello first', () => {
    const { ports } = setup();
    expect(ports.map((p) => p.name)).toEqual(['panel:42']);
    expect(ports[0]?.sent).toEqual([{ kind: 'hello', protocol: PROTOCOL_VERSION, tabId: 42 }]);
  });

  test('passes background messages on and ignores anything else', () => {
    const { ports, events } = setup();
    ports[0]?.deliver({ kind: 'nonsense' });
    ports[0]?.deliver('string');
    ports[0]?.deliver(snapshot());
    expect(events).toEqual([snapshot()]);
  });

  test('reconnects after the worker goes away, says hello again, backs off, resets on snapshot', () => {
    const { ports, events, fireTimer } = setup();
    ports[0]?.drop();
    expect(events).toEqual([{ kind: 'connection-lost' }]);
    expect(fireTimer()).toBe(10);
    ports[1]?.drop();
    expect(fireTimer()).toBe(20);
    ports[2]?.drop();
    expect(fireTimer()).toBe(20); // the last delay repeats
    expect(ports).toHaveLength(4);
    expect(ports[3]?.sent).toEqual([{ kind: 'hello', protocol: PROTOCOL_VERSION, tabId: 42 }]);
    ports[3]?.deliver(snapshot());
    ports[3]?.drop();
    expect(fireTimer()).toBe(10);
  });

  test('send goes to the live port and reports false while reconnecting', () => {
    const { conn, ports, fireTimer } = setup();
    expect(conn.send({ kind: 'clear' })).toBe(true);
    ports[0]?.drop();
    expect(conn.send({ kind: 'clear' })).toBe(false);
    fireTimer();
    expect(conn.send({ kind: 'set-preserve-log', preserveLog: true })).toBe(true);
    expect(ports[1]?.sent.at(-1)).toEqual({ kind: 'set-preserve-log', preserveLog: true });
  });

  test('protocol-mismatch stops: no reconnect when the background then hangs up', () => {
    const { ports, events, timers } = setup();
    ports[0]?.deliver({ kind: 'protocol-mismatch', background: 9 });
    ports[0]?.drop();
    expect(events).toEqual([{ kind: 'protocol-mismatch', background: 9 }]);
    expect(ports[0]?.disconnected).toBe(true);
    expect(timers).toHaveLength(0);
  });

  test('a snapshot from another protocol version is reported as a mismatch', () => {
    const { ports, events } = setup();
    ports[0]?.deliver(snapshot(PROTOCOL_VERSION + 1));
    expect(events).toEqual([{ kind: 'protocol-mismatch', background: PROTOCOL_VERSION + 1 }]);
  });

  test('close disconnects and cancels a pending retry', () => {
    const { conn, ports, timers } = setup();
    ports[0]?.drop();
    expect(timers).toHaveLength(1);
    conn.close();
    expect(timers).toHaveLength(0);
    const live = setup();
    live.conn.close();
    expect(live.ports[0]?.disconnected).toBe(true);
    expect(live.timers).toHaveLength(0);
  });

  test('an invalidated extension context is reported once and not retried', () => {
    const { events, timers } = setup(() => {
      throw new ExtensionContextGoneError();
    });
    expect(events).toEqual([{ kind: 'extension-reloaded' }]);
    expect(timers).toHaveLength(0);
  });

  test('any other connect failure is retried', () => {
    let attempts = 0;
    const { timers, fireTimer } = setup(() => {
      attempts += 1;
      throw new Error('boom');
    });
    expect(timers).toHaveLength(1);
    fireTimer();
    expect(attempts).toBe(2);
  });
});
