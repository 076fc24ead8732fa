// "Capture paused — resume": shown while the toolbar button has capture paused, so an empty or
// stale list is never mistaken for a page that made no calls. Reads and writes the choice in
// chrome.storage.local; the worker follows the stored value.
import { CAPTURE_PAUSED_KEY, isCapturePaused } from '../../shared/capture-pause';
import { useLocalSetting } from './use-local-setting';

export function CapturePausedBanner() {
  const paused = useLocalSetting(CAPTURE_PAUSED_KEY, isCapturePaused);
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
