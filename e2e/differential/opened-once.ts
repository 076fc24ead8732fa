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
