/* global chrome */
// cl5 without `extraHeaders`: what the same listeners cost when Chromium need not route every
// request's headers through the browser (and they no longer see preflights or Origin/Cookie).
const filter = { urls: ['http://*/*', 'https://*/*'] };
const ignore = () => undefined;
chrome.webRequest.onSendHeaders.addListener(ignore, filter, ['requestHeaders']);
chrome.webRequest.onHeadersReceived.addListener(ignore, filter, ['responseHeaders']);
chrome.webRequest.onBeforeRedirect.addListener(ignore, filter, ['responseHeaders']);
chrome.webRequest.onCompleted.addListener(ignore, filter, ['responseHeaders']);
chrome.webRequest.onErrorOccurred.addListener(ignore, filter);
