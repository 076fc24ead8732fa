// The devtools page creates the CORS panel, and tells the worker that DevTools is open on this tab
// for as long as it is, so the "tabs with DevTools open" capture scope covers the tab even before
// the CORS panel is shown. The port closes with DevTools; when the worker restarts it drops, and a
// new one is opened.
import { DEVTOOLS_PORT_PREFIX } from '../shared/capture-scope';

void chrome.devtools.panels.create('CORS', 'icon-128.png', 'src/panel/panel.html');

const RECONNECT_MS = 250;

function keepDevtoolsPort(): void {
  let port: chrome.runtime.Port;
  try {
    port = chrome.runtime.connect({ name: DEVTOOLS_PORT_PREFIX + String(chrome.devtools.inspectedWindow.tabId) });
  } catch {
    // The extension was reloaded: this page is orphaned and no worker will answer it again.
    return;
  }
  port.onDisconnect.addListener(() => {
    // Reading lastError marks it checked, so Chrome does not log it.
    void chrome.runtime.lastError;
    setTimeout(keepDevtoolsPort, RECONNECT_MS);
  });
}

keepDevtoolsPort();
