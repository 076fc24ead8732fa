// The Local Network Access table. The page's port is overridden to count as public
// (--ip-address-space-overrides), the API stays on loopback; no case states Chromium's verdict.

/** Which page makes the call: plain http, https without the permission, https with it granted. */
export type LnaPage = 'http' | 'https' | 'granted';

/** How the call is made: fetch, a preflighted fetch PUT, an <img>, a <script>, a fetch from a
 * dedicated Worker, an <iframe> document. */
export type LnaKind = 'fetch' | 'put' | 'img' | 'script' | 'worker' | 'iframe';

export interface LnaCase {
  readonly id: string;
  readonly group: 'lna-http' | 'lna-https' | 'lna-granted';
  readonly page: LnaPage;
  readonly kind: LnaKind;
  /** The API answers with CORS headers for the page's origin (never, in the granted cases, so the
   * ordinary CORS error that follows a granted permission shows). */
  readonly acao: boolean;
  readonly note: string;
  readonly designedFor: string;
}

const KINDS: readonly LnaKind[] = ['fetch', 'put', 'img', 'script', 'worker', 'iframe'];

const NOTES: Record<LnaKind, string> = {
  fetch: 'fetch GET',
  put: 'fetch PUT (preflighted)',
  img: 'no-cors <img>',
  script: 'classic <script>',
  worker: 'fetch from a dedicated Worker',
  iframe: '<iframe> document',
};

function granted(kind: LnaKind): string {
  if (kind === 'fetch' || kind === 'worker') return 'MissingAllowOriginHeader';
  if (kind === 'put') return 'PreflightMissingAllowOriginHeader';
  return 'allowed';
}

function group(name: LnaCase['group'], page: LnaPage, acao: boolean, lead: string, designedFor: (kind: LnaKind) => string): LnaCase[] {
  return KINDS.map((kind) => ({ id: `${name}-${kind}`, group: name, page, kind, acao, note: `${lead}, ${NOTES[kind]}`, designedFor: designedFor(kind) }));
}

export const LNA_CASES: readonly LnaCase[] = [
  ...group('lna-http', 'http', true, 'public http:// page → loopback API', () => 'InsecureLocalNetwork'),
  ...group('lna-https', 'https', true, 'public https:// page without the permission → loopback API', () => 'LocalNetworkAccessPermissionDenied'),
  ...group('lna-granted', 'granted', false, 'public https:// page with loopbackNetwork granted → loopback API without CORS headers', granted),
];
