// The mix of cross-origin calls the worker-restart specs stream: the playground path, how the
// page calls it, and the verdict CORS Lens must give.
export const KINDS = [
  { path: '/simple/allowed', init: {}, outcome: 'allowed', code: null, preflight: null },
  { path: '/simple/no-acao', init: {}, outcome: 'blocked', code: 'MissingAllowOriginHeader', preflight: null },
  {
    path: '/json/ok',
    init: { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' },
    outcome: 'allowed',
    code: null,
    preflight: 204,
  },
  {
    path: '/custom-header',
    init: { headers: { 'X-Token': 't' } },
    outcome: 'blocked',
    code: 'HeaderDisallowedByPreflightResponse',
    preflight: 204,
  },
] as const;
