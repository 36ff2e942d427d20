import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasTool, run } from './corpus.js';

export interface TestCert {
  readonly cert: string;
  readonly key: string;
}

export interface TestPki {
  /** The test CA's certificate: trust it with `ca`. */
  readonly ca: string;
  /** For localhost and 127.0.0.1, issued by the test CA. */
  readonly good: TestCert;
  /** Issued by the test CA for another name only. */
  readonly wrongName: TestCert;
  /** Issued by the test CA, already expired. */
  readonly expired: TestCert;
  /** Self-signed for localhost: no trusted issuer. */
  readonly selfSigned: TestCert;
}

let cached: TestPki | undefined;

/** A throwaway PKI made with the real openssl tool; undefined when openssl is not installed. */
export function testPki(): TestPki | undefined {
  if (!hasTool('openssl')) return undefined;
  if (cached) return cached;
  const dir = mkdtempSync(join(tmpdir(), 'iotcop-pki-'));
  const at = (name: string) => join(dir, name);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  run('openssl', ['req', '-x509', ...ec, '-keyout', at('ca.key'), '-out', at('ca.pem'), '-days', '2', '-subj', '/CN=iotcop test CA']);
  const issue = (name: string, san: string, days: string): TestCert => {
    run('openssl', ['req', ...ec, '-keyout', at(`${name}.key`), '-out', at(`${name}.csr`), '-subj', '/CN=iotcop test server']);
    writeFileSync(at(`${name}.ext`), `subjectAltName=${san}\n`);
    run('openssl', ['x509', '-req', '-in', at(`${name}.csr`), '-CA', at('ca.pem'), '-CAkey', at('ca.key'), '-CAcreateserial', '-days', days, '-extfile', at(`${name}.ext`), '-out', at(`${name}.pem`)]);
    return { cert: readFileSync(at(`${name}.pem`), 'utf8'), key: readFileSync(at(`${name}.key`), 'utf8') };
  };
  run('openssl', ['req', '-x509', ...ec, '-keyout', at('self.key'), '-out', at('self.pem'), '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1']);
  cached = {
    ca: readFileSync(at('ca.pem'), 'utf8'),
    good: issue('good', 'DNS:localhost,IP:127.0.0.1', '2'),
    wrongName: issue('wrong', 'DNS:other.example', '2'),
    expired: issue('expired', 'DNS:localhost,IP:127.0.0.1', '-1'),
    selfSigned: { cert: readFileSync(at('self.pem'), 'utf8'), key: readFileSync(at('self.key'), 'utf8') },
  };
  return cached;
}
