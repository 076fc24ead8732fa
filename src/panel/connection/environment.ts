// What the panel learns from its host: which tab it inspects and which DevTools theme is on.
// Opened by DevTools, `chrome.devtools` exists; opened as an ordinary tab (e2e tests) it does not,
// and the tab id comes from `?tabId=`.

export function inspectedTabId(search: string): number | null {
  if (typeof chrome !== 'undefined' && typeof chrome.devtools !== 'undefined') {
    return chrome.devtools.inspectedWindow.tabId;
  }
  return parseTabId(search);
}

// Negative ids are accepted on purpose: src/playwright opens `?tabId=-1` (TAB_ID_NONE) only to
// wake a stopped worker with our connect; the background then refuses the port, which is fine.
export function parseTabId(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^-?\d+$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

/** 'dark' or 'light' from DevTools' own setting; null outside DevTools (use prefers-color-scheme). */
export function devtoolsTheme(): 'dark' | 'light' | null {
  if (typeof chrome === 'undefined' || typeof chrome.devtools === 'undefined') return null;
  return chrome.devtools.panels.themeName === 'dark' ? 'dark' : 'light';
}
