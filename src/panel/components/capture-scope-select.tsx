// The capture scope in the panel's toolbar: all tabs, or only tabs with DevTools open. Writes the
// stored choice; the worker and the toolbar button's menu follow it.
import {
  CAPTURE_SCOPE_KEY,
  CAPTURE_SCOPE_LABELS,
  CAPTURE_SCOPES,
  isCaptureScope,
  storedCaptureScope,
} from '../../shared/capture-scope';
import { useLocalSetting } from '../connection/local-setting';

export function CaptureScopeSelect() {
  const [scope, storeScope] = useLocalSetting(CAPTURE_SCOPE_KEY, storedCaptureScope);
  return (
    <select
      className="tool-select"
      data-testid="capture-scope"
      aria-label="Capture calls in"
      title="Which tabs CORS Lens captures. All tabs: calls made before DevTools opened are there too. Tabs with DevTools open: other tabs pay almost nothing."
      value={scope}
      onChange={(e) => {
        const value = e.currentTarget.value;
        if (isCaptureScope(value)) storeScope(value);
      }}
    >
      {CAPTURE_SCOPES.map((s) => (
        <option key={s} value={s}>
          Capture: {CAPTURE_SCOPE_LABELS[s]}
        </option>
      ))}
    </select>
  );
}
