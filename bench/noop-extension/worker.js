/* global chrome */
// The floor of capturing with chrome.webRequest: a listener on every event, asking for every
// header (extraHeaders where the event accepts it), doing nothing. page-overhead.ts compares
// CORS Lens with this.
const filter = { urls: ['http://*/*', 'https://*/*'] };
const ignore = () => undefined;
const events = [
  [chrome.webRequest.onBeforeRequest, ['extraHeaders']],
  [chrome.webRequest.onBeforeSendHeaders, ['requestHeaders', 'extraHeaders']],
  [chrome.webRequest.onSendHeaders, ['requestHeaders', 'extraHeaders']],
  [chrome.webRequest.onHeadersReceived, ['responseHeaders', 'extraHeaders']],
  [chrome.webRequest.onAuthRequired, ['responseHeaders', 'extraHeaders']],
  [chrome.webRequest.onResponseStarted, ['responseHeaders', 'extraHeaders']],
  [chrome.webRequest.onBeforeRedirect, ['responseHeaders', 'extraHeaders']],
  [chrome.webRequest.onCompleted, ['responseHeaders', 'extraHeaders']],
  [chrome.webRequest.onErrorOccurred, ['extraHeaders']],
];
for (const [event, extraInfoSpec] of events) event.addListener(ignore, filter, extraInfoSpec);
