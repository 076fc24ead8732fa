// An HTTPS server on loopback with a throw-away certificate, for pages that need a secure context
// (service workers). The key is made by openssl at test time in a temp folder and deleted at
// once; Chromium trusts it through --ignore-certificate-errors-spki-list, by the key's hash.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ThrowawayCertificate {
  readonly key: string;
  readonly cert: string;
  /** base64 SHA-256 of the public key, as --ignore-certificate-errors-spki-list wants it. */
  readonly spkiHash: string;
}

/** A self-signed certificate for the given host names (one day, P-256). */
export function makeThrowawayCertificate(hosts: readonly string[]): ThrowawayCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'cors-lens-cert-'));
  try {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    const san = hosts.map((host) => `DNS:${host}`).join(',');
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=cors-lens-test', '-addext', `subjectAltName=${san}`,
    ], { stdio: 'pipe' });
    const publicKey = execFileSync('openssl', ['x509', '-in', cert, '-pubkey', '-noout']);
    const der = execFileSync('openssl', ['pkey', '-pubin', '-outform', 'der'], { input: publicKey });
    const hash = execFileSync('openssl', ['dgst', '-sha256', '-binary'], { input: der });
    return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8'), spkiHash: hash.toString('base64') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The Chromium switch that makes it trust the certificate. */
export function trustSwitch(certificate: ThrowawayCertificate): string {
  return `--ignore-certificate-errors-spki-list=${certificate.spkiHash}`;
}

export interface HttpsServer {
  readonly port: number;
  close(): Promise<void>;
}

export async function startHttpsServer(
  certificate: ThrowawayCertificate,
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<HttpsServer> {
  const server: Server = createServer({ key: certificate.key, cert: certificate.cert }, handler);
  // Chromium may keep idle connections; do not let them hold close() up.
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
