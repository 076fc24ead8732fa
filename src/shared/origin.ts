// URL helpers that never throw: captured URLs and header values are untrusted input.

export function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** The serialized origin of a URL ('null' for opaque origins and unparsable URLs). */
export function originOf(url: string): string {
  return parseUrl(url)?.origin ?? 'null';
}

export function isSameOrigin(url: string, origin: string): boolean {
  return origin !== 'null' && originOf(url) === origin;
}
