// A setting kept in chrome.storage (`local` by default, or `session` for one that ends with the
// browser session), read by the panel and followed as it changes (from this panel, another one,
// the toolbar button or the worker).
import { useEffect, useState } from 'react';

/** The value of `key`, read through `parse` (which maps anything stored, or nothing, to a value),
 * and a setter that stores a new one. The setter shows the new value at once: a controlled input
 * that waited for storage's round trip would flip back for a moment after each click. */
export function useLocalSetting<T>(
  key: string,
  parse: (stored: Record<string, unknown>) => T,
  area: 'local' | 'session' = 'local',
): readonly [T, (next: T) => void] {
  const [value, setValue] = useState(() => parse({}));
  useEffect(() => {
    let live = true;
    void chrome.storage[area].get(key).then((stored) => {
      if (live) setValue(parse(stored));
    });
    const onChanged = (changes: Record<string, chrome.storage.StorageChange>, changedArea: string) => {
      const change = changes[key];
      if (changedArea === area && change) setValue(parse({ [key]: change.newValue }));
    };
    chrome.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      chrome.storage.onChanged.removeListener(onChanged);
    };
  }, [key, parse, area]);
  const store = (next: T) => {
    setValue(next);
    void chrome.storage[area].set({ [key]: next });
  };
  return [value, store] as const;
}
