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

/** `name` is `lowerName` in any ASCII case. Servers and HTTP/2 spell names all lower-case or in
 * the usual capitalisation; those are tested natively before the character-by-character compare. */
function isNamed(name: string, lowerName: string): boolean {
  return name === lowerName || name === CAPITALISED[lowerName] || equalsLowerAscii(name, lowerName);
}

/** `vary` → `Vary`, `access-control-allow-origin` → `Access-Control-Allow-Origin`. */
function capitalise(lowerName: string): string {
  return lowerName.replace(/(^|-)([a-z])/g, (_match, dash: string, letter: string) => dash + letter.toUpperCase());
}

const CAPITALISED: Readonly<Record<string, string>> = Object.fromEntries(
  [
    'vary',
    'location',
    'access-control-max-age',
    'access-control-allow-origin',
    'access-control-allow-methods',
    'access-control-allow-headers',
    'access-control-expose-headers',
    'access-control-allow-credentials',
    'origin',
    'cookie',
    'if-none-match',
    'if-modified-since',
    'sec-fetch-mode',
    'access-control-request-method',
    'access-control-request-headers',
  ].map((name) => [name, capitalise(name)]),
);

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
        if (isNamed(name, 'vary')) vary = joined(vary, value);
        break;
      case 8:
        if (isNamed(name, 'location')) location = joined(location, value);
        break;
      case 22:
        if (isNamed(name, 'access-control-max-age')) maxAge = joined(maxAge, value);
        break;
      case 27:
        if (isNamed(name, 'access-control-allow-origin')) allowOrigin = joined(allowOrigin, value);
        break;
      case 28:
        if (isNamed(name, 'access-control-allow-methods')) allowMethods = joined(allowMethods, value);
        else if (isNamed(name, 'access-control-allow-headers')) allowHeaders = joined(allowHeaders, value);
        break;
      case 29:
        if (isNamed(name, 'access-control-expose-headers')) exposeHeaders = joined(exposeHeaders, value);
        break;
      case 32:
        if (isNamed(name, 'access-control-allow-credentials')) allowCredentials = joined(allowCredentials, value);
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
        if (isNamed(name, 'origin')) hasOrigin = true;
        else if (isNamed(name, 'cookie')) hasCookie = true;
        break;
      case 13:
        if (isNamed(name, 'if-none-match')) revalidates = true;
        break;
      case 14:
        if (isNamed(name, 'sec-fetch-mode')) fetchMode = joined(fetchMode, value);
        break;
      case 17:
        if (isNamed(name, 'if-modified-since')) revalidates = true;
        break;
      case 29:
        if (isNamed(name, 'access-control-request-method')) requestMethod = joined(requestMethod, value);
        break;
      case 30:
        if (isNamed(name, 'access-control-request-headers')) requestHeaders = joined(requestHeaders, value);
        break;
    }
  }
  return { requestMethod, requestHeaders, fetchMode, hasOrigin, hasCookie, revalidates };
}
