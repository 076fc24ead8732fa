import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HOSTILE_VALUES, RAW_UNPRINTABLE } from '../shared/unprintable-test-values';
import { main } from './main';

const APP = 'http://app.test';
const SECRETS = ['sid=abc123', 'Bearer t0k3n', 'k-123', 'csrf-9', 'oauth-code', 'acme-tenant', 'set=me'];

/** A Chrome-style HAR: a GET that carried every kind of secret, blocked by a hostile server's
 * Access-Control-Allow-Origin, and a failed call with control characters in its method and error. */
function hostileHar(): unknown {
  const request = (method: string, url: string, headers: Record<string, string>) => ({
    method,
    url,
    headers: Object.entries(headers).map(([name, value]) => ({ name, value })),
  });
  return {
    log: {
      version: '1.2',
      entries: [
        {
          startedDateTime: '2026-01-01T00:00:00.000Z',
          time: 5,
          _resourceType: 'fetch',
          request: request('GET', `http://api.test/a?code=oauth-code&x=\u001b]0;pwned\u0007`, {
            Origin: APP,
            Cookie: 'sid=abc123',
            Authorization: 'Bearer t0k3n',
            'X-Api-Key': 'k-123',
            'X-CSRF-Token': 'csrf-9',
            'X-Tenant': 'acme-tenant',
          }),
          response: {
            status: 200,
            headers: [
              { name: 'Set-Cookie', value: 'set=me' },
              { name: 'Access-Control-Allow-Origin', value: 'http://other.test\u001b[2J' },
            ],
            redirectURL: '',
          },
          _error: 'net::ERR_FAILED',
        },
        {
          startedDateTime: '2026-01-01T00:00:01.000Z',
          time: 5,
          _resourceType: 'fetch',
          request: request('G\u009bET', 'http://api.test/b', { Origin: APP }),
          response: { status: 0, headers: [], redirectURL: '' },
          _error: 'net::ERR_FAILED\u001b[31m',
        },
      ],
    },
  };
}

/** The URL of issue 19 (a `;jsessionid` path parameter, camelCase, `sid`, `token[]`, `jwt`, `pwd`)
 * and the headers real apps send, on a call blocked by Access-Control-Allow-Origin. */
const ISSUE_URL =
  'http://api.test/v1/me;jsessionid=leak-js?accessToken=leak-at&sid=leak-sid&token%5B%5D=leak-tk&refreshToken=leak-rt&jwt=leak-jwt&pwd=leak-pwd';
const URL_SECRETS = ['leak-js', 'leak-at', 'leak-sid', 'leak-tk', 'leak-rt', 'leak-jwt', 'leak-pwd'];
/** The header values too, though the CLI prints only CORS headers: none may appear either way. */
const ISSUE_SECRETS = [...URL_SECRETS, 'leak-h', 'leak-link', 'leak-refresh'];
function realAppsHar(): unknown {
  const headers = (spec: Record<string, string>) => Object.entries(spec).map(([name, value]) => ({ name, value }));
  return {
    log: {
      version: '1.2',
      entries: [
        {
          startedDateTime: '2026-01-01T00:00:00.000Z',
          time: 5,
          _resourceType: 'fetch',
          request: {
            method: 'GET',
            url: ISSUE_URL,
            headers: headers({
              Origin: APP,
              'X-CSRFToken': 'leak-h1',
              Authentication: 'leak-h2',
              'X-Session': 'leak-h3',
              'X-Session-Id': 'leak-h4',
              'X-Auth': 'leak-h5',
              DPoP: 'leak-h6',
            }),
          },
          response: {
            status: 200,
            headers: headers({
              'Access-Control-Allow-Origin': 'http://other.test',
              Link: '<http://api.test/v1/me?page=2&access_token=leak-link>; rel="next"',
              Refresh: '5; url=/login?token=leak-refresh',
            }),
            redirectURL: '',
          },
          _error: 'net::ERR_FAILED',
        },
      ],
    },
  };
}

let dir = '';
let harFile = '';
let realAppsFile = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cors-lens-main-'));
  harFile = join(dir, 'hostile.har');
  await writeFile(harFile, JSON.stringify(hostileHar()));
  realAppsFile = join(dir, 'real-apps.har');
  await writeFile(realAppsFile, JSON.stringify(realAppsHar()));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    extensionPath: dir,
    version: '0.0.0',
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}

describe('cors-lens explain', () => {
  test.each(['text', 'json', 'md'])('--format %s masks every secret by default', async (format) => {
    const { code, stdout } = await run(['explain', harFile, '--format', format, '--redact', 'x-tenant']);
    expect(code).toBe(1);
    for (const secret of SECRETS) expect(stdout).not.toContain(secret);
  });

  test.each(['text', 'json', 'md'])('--format %s masks the secret names real apps use, with the same verdict', async (format) => {
    const masked = await run(['explain', realAppsFile, '--format', format]);
    const kept = await run(['explain', realAppsFile, '--format', format, '--keep-secrets']);
    for (const secret of ISSUE_SECRETS) expect(masked.stdout).not.toContain(secret);
    // Control: the seven URL values are printed when kept, so their absence above is the masking.
    for (const secret of URL_SECRETS) expect(kept.stdout).toContain(secret);
    expect(masked.stdout).toContain('jsessionid=redacted');
    expect(masked.code).toBe(1);
    expect(kept.code).toBe(1);
    expect(masked.stdout).toContain('AllowOriginMismatch');
  });

  test('the masked URL keeps its path, parameter names and order', async () => {
    const { stdout } = await run(['explain', realAppsFile, '--format', 'json']);
    const report = JSON.parse(stdout) as { calls: { url: string; outcome: string; corsError: { code: string } | null }[] };
    expect(report.calls).toMatchObject([
      {
        url: 'http://api.test/v1/me;jsessionid=redacted?accessToken=redacted&sid=redacted&token%5B%5D=redacted&refreshToken=redacted&jwt=redacted&pwd=redacted',
        outcome: 'blocked',
        corsError: { code: 'AllowOriginMismatch' },
      },
    ]);
  });

  test('--format md shows the masked headers as <redacted>', async () => {
    const { stdout } = await run(['explain', harFile, '--format', 'md']);
    expect(stdout).toContain('| Request | Cookie | &lt;redacted&gt; |');
    expect(stdout).toContain('code=redacted');
  });

  test('--keep-secrets is the one opt-in that prints them', async () => {
    const { stdout } = await run(['explain', harFile, '--format', 'md', '--keep-secrets']);
    expect(stdout).toContain('sid=abc123');
    expect(stdout).toContain('Bearer t0k3n');
  });

  test('text output shows control characters from URLs, methods and errors as \\xHH', async () => {
    const { stdout } = await run(['explain', harFile]);
    // eslint-disable-next-line no-control-regex -- the point: no raw control character reaches the terminal
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(stdout).toContain('x=\\x1b]0;pwned\\x07');
    expect(stdout).toContain('G\\x9bET');
    expect(stdout).toContain('net::ERR_FAILED\\x1b[31m');
    expect(stdout).toContain('http://other.test\\x1b[2J');
  });

  test('200,000 unclosed [ says "not valid JSON" and exits 2', async () => {
    const deep = join(dir, 'deep.har');
    await writeFile(deep, '['.repeat(200_000));
    const { code, stdout, stderr } = await run(['explain', deep]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`cors-lens: ${deep} is not valid JSON (line 1): Unexpected end of JSON input\n`);
  });

  test.each(HOSTILE_VALUES)('a file that is not JSON is named without its raw bytes: %j', async (value) => {
    // The message quotes the token JSON.parse choked on: here the value's first odd character.
    const bad = join(dir, 'not-json.har');
    await writeFile(bad, `{"log": ${value.replace('https://x.example', '')}}`);
    const { code, stderr } = await run(['explain', bad]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^cors-lens: .* is not valid JSON/);
    expect(stderr).not.toMatch(RAW_UNPRINTABLE);
  });
});
