/* global chrome */
// A no-op extension on a smaller set of webRequest events, for docs/performance.md, "What capture costs".
const filter = { urls: ['http://*/*', 'https://*/*'] };
const ignore = () => undefined;
chrome.webRequest.onSendHeaders.addListener(ignore, filter, ['requestHeaders', 'extraHeaders']);
chrome.webRequest.onHeadersReceived.addListener(ignore, filter, ['responseHeaders', 'extraHeaders']);
chrome.webRequest.onBeforeRedirect.addListener(ignore, filter, ['responseHeaders', 'extraHeaders']);
chrome.webRequest.onCompleted.addListener(ignore, filter, ['responseHeaders', 'extraHeaders']);
chrome.webRequest.onErrorOccurred.addListener(ignore, filter, ['extraHeaders']);
