// Who may talk to the worker: only this extension's own pages (the DevTools panel, or the panel
// opened as a tab). Every onConnect and onMessage listener checks its sender with this before
// reading or changing anything. The manifest has no externally_connectable, so web pages and
// other extensions cannot even open a channel; this check is the second wall, against content
// scripts (none today) and anything a future manifest change lets in.
export function isOwnExtensionPage(sender: chrome.runtime.MessageSender | undefined): boolean {
  if (sender?.id !== chrome.runtime.id) return false;
  // Content scripts run in web pages and carry our id too; their url is the page's.
  return (sender.url ?? '').startsWith(chrome.runtime.getURL(''));
}
