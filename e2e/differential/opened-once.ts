// Each kind of page target (plain page, iframe, https page…) is opened once, on first use, and
// shared by every scenario that runs on it: opening a page per scenario would double the suite.
export interface OpenedOnce<K, T> {
  get: (kind: K) => Promise<T>;
  /** Every target opened so far, to close them. */
  opened: () => Promise<T>[];
}

export function openedOnce<K, T>(open: (kind: K) => Promise<T>): OpenedOnce<K, T> {
  const targets = new Map<K, Promise<T>>();
  return {
    get: (kind) => {
      const existing = targets.get(kind);
      if (existing) return existing;
      const created = open(kind);
      targets.set(kind, created);
      return created;
    },
    opened: () => [...targets.values()],
  };
}

export interface OracleTargets<K, T> {
  readonly target: (kind: K) => Promise<T>;
  /** Detaches every opened target's oracle, then closes the browser and the run's servers. */
  close(): Promise<void>;
}

/** The targets of one differential run, each listened to by a CDP oracle, opened once each. */
export function oracleTargets<K, T extends { readonly oracle: { detach(): Promise<void> } }>(
  lens: { close(): Promise<void> },
  open: (kind: K) => Promise<T>,
  closeServers: () => Promise<void>,
): OracleTargets<K, T> {
  const targets = openedOnce(open);
  return {
    target: targets.get,
    async close() {
      for (const target of targets.opened()) await (await target).oracle.detach();
      await lens.close();
      await closeServers();
    },
  };
}
