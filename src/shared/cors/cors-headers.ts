// The few headers a CORS verdict depends on, read from a header list in one pass. The checker
// consults each of them several times per verdict (once per credentials mode, again for warnings
// and the fix), and a scan of the whole list per lookup was most of its cost. Values combine
// exactly as headerValue combines them.
import type { HeaderLine } from '../observed-call';
import { equalsLowerAscii, trimOws } from './headers';

/** Response headers, each null when absent. */
export interface CorsResponseHeaders {
  readonly allowOrigin: string | null;
  readonly allowCredentials: string | null;
  readonly allowMethods: string | null;
  readonly allowHeaders: string | null;
  readonly exposeHeaders: string | null;
  readonly maxAge: string | null;
  readonly vary: string | null;
  readonly location: string | null;
}

/** Request headers: the two a preflight carries, and those that only matter by being present. */
export interface CorsRequestHeaders {
  readonly requestMethod: string | null;
  readonly requestHeaders: string | null;
  readonly fetchMode: string | null;
  readonly hasOrigin: boolean;
  readonly hasCookie: boolean;
  /** If-None-Match or If-Modified-Since: the request revalidates a cached response. */
  readonly revalidates: boolean;
}

function joined(current: string | null, raw: string): string {
  const value = trimOws(raw);
  return current === null ? value : `${current}, ${value}`;
}

export function readCorsResponseHeaders(lines: readonly HeaderLine[]): CorsResponseHeaders {
  let allowOrigin: string | null = null;
  let allowCredentials: string | null = null;
  let allowMethods: string | null = null;
  let allowHeaders: string | null = null;
  let exposeHeaders: string | null = null;
  let maxAge: string | null = null;
  let vary: string | null = null;
  let location: string | null = null;
  for (const { name, value } of lines) {
    // The length settles most names without comparing a character.
    switch (name.length) {
      case 4:
        if (equalsLowerAscii(name, 'vary')) vary = joined(vary, value);
        break;
      case 8:
        if (equalsLowerAscii(name, 'location')) location = joined(location, value);
        break;
      case 22:
        if (equalsLowerAscii(name, 'access-control-max-age')) maxAge = joined(maxAge, value);
        break;
      case 27:
        if (equalsLowerAscii(name, 'access-control-allow-origin')) allowOrigin = joined(allowOrigin, value);
        break;
      case 28:
        if (equalsLowerAscii(name, 'access-control-allow-methods')) allowMethods = joined(allowMethods, value);
        else if (equalsLowerAscii(name, 'access-control-allow-headers')) allowHeaders = joined(allowHeaders, value);
        break;
      case 29:
        if (equalsLowerAscii(name, 'access-control-expose-headers')) exposeHeaders = joined(exposeHeaders, value);
        break;
      case 32:
        if (equalsLowerAscii(name, 'access-control-allow-credentials')) allowCredentials = joined(allowCredentials, value);
        break;
    }
  }
  return { allowOrigin, allowCredentials, allowMethods, allowHeaders, exposeHeaders, maxAge, vary, location };
}

export function readCorsRequestHeaders(lines: readonly HeaderLine[]): CorsRequestHeaders {
  let requestMethod: string | null = null;
  let requestHeaders: string | null = null;
  let fetchMode: string | null = null;
  let hasOrigin = false;
  let hasCookie = false;
  let revalidates = false;
  for (const { name, value } of lines) {
    switch (name.length) {
      case 6:
        if (equalsLowerAscii(name, 'origin')) hasOrigin = true;
        else if (equalsLowerAscii(name, 'cookie')) hasCookie = true;
        break;
      case 13:
        if (equalsLowerAscii(name, 'if-none-match')) revalidates = true;
        break;
      case 14:
        if (equalsLowerAscii(name, 'sec-fetch-mode')) fetchMode = joined(fetchMode, value);
        break;
      case 17:
        if (equalsLowerAscii(name, 'if-modified-since')) revalidates = true;
        break;
      case 29:
        if (equalsLowerAscii(name, 'access-control-request-method')) requestMethod = joined(requestMethod, value);
        break;
      case 30:
        if (equalsLowerAscii(name, 'access-control-request-headers')) requestHeaders = joined(requestHeaders, value);
        break;
    }
  }
  return { requestMethod, requestHeaders, fetchMode, hasOrigin, hasCookie, revalidates };
}
