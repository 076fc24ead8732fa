// The panel's own remembered choices (the server stack, the names to mask) live in localStorage:
// the panel is an extension page, so it is the extension's own and survives DevTools restarts.
// Storage may be missing (Node tests) or throw (disabled, over quota); a choice is then simply not
// remembered, and the panel never breaks over it.

/** The part of Storage this needs, so tests can pass a Map-backed fake. */
export interface PanelStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** localStorage when the environment has one (not under Node tests). */
export function browserStore(): PanelStore | null {
  return typeof localStorage === 'undefined' ? null : localStorage;
}

/** What is stored under `key`, or null when nothing is or storage cannot be read. */
export function readItem(store: PanelStore | null, key: string): string | null {
  try {
    return store?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function writeItem(store: PanelStore | null, key: string, value: string): void {
  try {
    store?.setItem(key, value);
  } catch {
    // Not remembered this time.
  }
}
