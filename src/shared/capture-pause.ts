// Where the "Pause capture" choice lives, shared by the worker (which obeys it) and the panel
// (which shows it and can undo it). chrome.storage.local, so the choice outlasts the worker and
// the browser session until the user resumes, like any other setting; badge and panel keep it in
// sight so a paused CORS Lens never passes for one that saw nothing.
export const CAPTURE_PAUSED_KEY = 'capturePaused';

export function isCapturePaused(stored: Record<string, unknown>): boolean {
  return stored[CAPTURE_PAUSED_KEY] === true;
}
