// The capture scope on the toolbar button: its right-click menu offers the two scopes as radio
// items (a left click stays "pause capture"). The menu writes the stored choice; the worker, the
// panel and this menu all follow the stored value.
import { CAPTURE_SCOPE_KEY, CAPTURE_SCOPE_LABELS, CAPTURE_SCOPES, isCaptureScope, type CaptureScope } from '../shared/capture-scope';

const MENU_ID_PREFIX = 'capture-scope:';

/** Creates the menu on install and update (Chromium keeps it across worker and browser restarts)
 * and listens for clicks. Call synchronously at the worker's top level. */
export function registerScopeMenu(currentScope: () => Promise<CaptureScope>): void {
  chrome.runtime.onInstalled.addListener(() => {
    void chrome.contextMenus.removeAll().then(async () => {
      const checked = await currentScope();
      for (const scope of CAPTURE_SCOPES) {
        chrome.contextMenus.create({
          id: MENU_ID_PREFIX + scope,
          type: 'radio',
          title: `Capture: ${CAPTURE_SCOPE_LABELS[scope]}`,
          contexts: ['action'],
          checked: scope === checked,
        });
      }
    });
  });
  chrome.contextMenus.onClicked.addListener((info) => {
    const scope = String(info.menuItemId).slice(MENU_ID_PREFIX.length);
    if (String(info.menuItemId).startsWith(MENU_ID_PREFIX) && isCaptureScope(scope)) {
      void chrome.storage.local.set({ [CAPTURE_SCOPE_KEY]: scope });
    }
  });
}

/** Ticks `scope` in the menu (after a change made in the panel). */
export function showScopeInMenu(scope: CaptureScope): void {
  // Before the menu exists (the first start, while onInstalled is creating it) there is nothing to tick.
  chrome.contextMenus.update(MENU_ID_PREFIX + scope, { checked: true }).catch(() => undefined);
}
