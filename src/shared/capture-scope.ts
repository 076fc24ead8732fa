// Which tabs CORS Lens captures, shared by the worker (which obeys it), the panel's toolbar and
// the toolbar button's menu (which set it). chrome.storage.local, like the pause choice, so it
// outlasts the worker and the browser session.
//   'all-tabs': every tab, from before DevTools opens (a page's first calls are there when you
//     open DevTools after the fact); every request of the profile pays for the listeners.
//   'inspected-tabs': only tabs where DevTools (or the CORS panel) is open; the listeners are
//     filtered to those tabs and removed when none is open, so other tabs pay almost nothing.
export const CAPTURE_SCOPE_KEY = 'captureScope';

export const CAPTURE_SCOPES = ['all-tabs', 'inspected-tabs'] as const;
export type CaptureScope = (typeof CAPTURE_SCOPES)[number];

export const DEFAULT_CAPTURE_SCOPE: CaptureScope = 'all-tabs';

export const CAPTURE_SCOPE_LABELS: Record<CaptureScope, string> = {
  'all-tabs': 'All tabs',
  'inspected-tabs': 'Tabs with DevTools open',
};

export function isCaptureScope(value: unknown): value is CaptureScope {
  return CAPTURE_SCOPES.includes(value as CaptureScope);
}

/** The stored scope; anything else (nothing stored yet, a value from a future version) is the default. */
export function storedCaptureScope(stored: Record<string, unknown>): CaptureScope {
  const value = stored[CAPTURE_SCOPE_KEY];
  return isCaptureScope(value) ? value : DEFAULT_CAPTURE_SCOPE;
}

/** The port a DevTools page opens for its inspected tab, so the worker knows DevTools is open
 * there even before the CORS panel is shown: `devtools:<tabId>`. */
export const DEVTOOLS_PORT_PREFIX = 'devtools:';
