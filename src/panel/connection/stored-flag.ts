// A yes/no setting the panel shows and the worker obeys, kept in chrome.storage.local so it outlasts
// the worker and the browser session; the panel follows changes made anywhere (worker, other panels).
import { useEffect, useState } from 'react';

export function useStoredFlag(key: string): readonly [boolean, (value: boolean) => void] {
  const [value, setValue] = useState(false);
  useEffect(() => {
    let live = true;
    void chrome.storage.local.get(key).then((stored) => {
      if (live) setValue(stored[key] === true);
    });
    const onChanged = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
      const change = changes[key];
      if (area === 'local' && change) setValue(change.newValue === true);
    };
    chrome.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      chrome.storage.onChanged.removeListener(onChanged);
    };
  }, [key]);
  const store = (next: boolean) => void chrome.storage.local.set({ [key]: next });
  return [value, store] as const;
}
