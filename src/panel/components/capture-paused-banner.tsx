// "Capture paused — resume": shown while the toolbar button has capture paused, so an empty or
// stale list is never mistaken for a page that made no calls. Reads and writes the choice in
// chrome.storage.local; the worker follows the stored value.
import { useEffect, useState } from 'react';
import { CAPTURE_PAUSED_KEY, isCapturePaused } from '../../shared/capture-pause';

function useCapturePaused(): boolean {
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    let live = true;
    void chrome.storage.local.get(CAPTURE_PAUSED_KEY).then((stored) => {
      if (live) setPaused(isCapturePaused(stored));
    });
    const onChanged = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
      const change = changes[CAPTURE_PAUSED_KEY];
      if (area === 'local' && change) setPaused(change.newValue === true);
    };
    chrome.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      chrome.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return paused;
}

export function CapturePausedBanner() {
  const paused = useCapturePaused();
  if (!paused) return null;
  const resume = () => void chrome.storage.local.set({ [CAPTURE_PAUSED_KEY]: false });
  return (
    <div className="banner" data-testid="capture-paused" role="status">
      Capture paused: calls made now are not recorded.{' '}
      <button type="button" onClick={resume}>
        Resume
      </button>
    </div>
  );
}
