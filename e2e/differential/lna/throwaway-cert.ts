// A self-signed certificate made with openssl for one test run, in a temp dir that is removed
// afterwards (no key is ever committed). Chromium trusts it through
// --ignore-certificate-errors-spki-list, which takes the base64 SHA-256 of the public key.
import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ThrowawayCert {
  readonly key: Buffer;
  readonly cert: Buffer;
  /** For --ignore-certificate-errors-spki-list. */
  readonly spki: string;
}

export function makeThrowawayCert(hosts: readonly string[]): ThrowawayCert {
  const dir = mkdtempSync(join(tmpdir(), 'cors-lens-lna-cert-'));
  try {
    const keyFile = join(dir, 'key.pem');
    const certFile = join(dir, 'cert.pem');
    const san = hosts.map((h) => `DNS:${h}`).join(',');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', `/CN=${hosts[0] ?? 'test'}`, '-addext', `subjectAltName=${san}`], {
      stdio: 'ignore',
    });
    const key = readFileSync(keyFile);
    const cert = readFileSync(certFile);
    const der = createPublicKey(key).export({ type: 'spki', format: 'der' });
    return { key, cert, spki: createHash('sha256').update(der).digest('base64') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
