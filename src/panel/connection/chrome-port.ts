// The only place the panel touches chrome.runtime.
import type { PanelMessage } from '../../shared/protocol';
import { ExtensionContextGoneError, type PortLike } from './panel-connection';

export function connectChromePort(name: string): PortLike {
  // After the extension is reloaded or updated, this page is orphaned: runtime.id disappears and
  // connect throws "Extension context invalidated". Reconnecting cannot help; reopening DevTools can.
  if (typeof chrome === 'undefined' || chrome.runtime?.id === undefined) throw new ExtensionContextGoneError();
  let port: chrome.runtime.Port;
  try {
    port = chrome.runtime.connect({ name });
  } catch (err) {
    if (err instanceof Error && /context invalidated/i.test(err.message)) throw new ExtensionContextGoneError();
    throw err;
  }
  return {
    postMessage: (message: PanelMessage) => port.postMessage(message),
    disconnect: () => port.disconnect(),
    onMessage: {
      addListener: (listener: (message: unknown) => void) => port.onMessage.addListener((message: unknown) => listener(message)),
    },
    onDisconnect: {
      addListener: (listener: () => void) =>
        port.onDisconnect.addListener(() => {
          // Reading lastError marks it checked, so Chrome does not log "Unchecked runtime.lastError"
          // when the worker was not there to answer.
          void chrome.runtime.lastError;
          listener();
        }),
    },
  };
}
