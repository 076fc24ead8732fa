// A yes/no setting the panel shows and the worker obeys, kept in chrome.storage.local so it outlasts
// the worker and the browser session (or in storage.session, to end with the browser session); the
// panel follows changes made anywhere (worker, other panels).
import { useCallback } from 'react';
import { useLocalSetting } from './local-setting';

export function useStoredFlag(key: string, area: 'local' | 'session' = 'local'): readonly [boolean, (value: boolean) => void] {
  // Stable per key, so the setting hook does not re-subscribe on every render.
  const isOn = useCallback((stored: Record<string, unknown>) => stored[key] === true, [key]);
  return useLocalSetting(key, isOn, area);
}
