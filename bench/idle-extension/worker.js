// No listeners. Holding the webRequest permission is enough for Chromium to route every request
// through its extension proxy; this is what "CORS Lens paused" is compared with.
