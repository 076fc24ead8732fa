// A setting kept in chrome.storage.local, read by the panel and followed as it changes (from this
// panel, another one, the toolbar button or the worker).
import { useEffect, useState } from 'react';

/** The value of `key`, read through `parse` (which maps anything stored, or nothing, to a value),
 * and a setter that stores a new one. The setter shows the new value at once: a controlled input
 * that waited for storage's round trip would flip back for a moment after each click. */
export function useLocalSetting<T>(
  key: string,
  parse: (stored: Record<string, unknown>) => T,
): readonly [T, (next: T) => void] {
  const [value, setValue] = useState(() => parse({}));
  useEffect(() => {
    let live = true;
    void chrome.storage.local.get(key).then((stored) => {
      if (live) setValue(parse(stored));
    });
    const onChanged = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
      const change = changes[key];
      if (area === 'local' && change) setValue(parse({ [key]: change.newValue }));
    };
    chrome.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      chrome.storage.onChanged.removeListener(onChanged);
    };
  }, [key, parse]);
  const store = (next: T) => {
    setValue(next);
    void chrome.storage.local.set({ [key]: next });
  };
  return [value, store] as const;
}
