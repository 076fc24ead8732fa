/* global chrome */
// The least any webRequest capture could listen to: completed requests with their response
// headers, no extraHeaders (so no preflights, no Origin or Cookie, no failures).
chrome.webRequest.onCompleted.addListener(() => undefined, { urls: ['http://*/*', 'https://*/*'] }, ['responseHeaders']);
