import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TestCert } from './tls.js';

export interface TestServer {
  readonly port: number;
  /** `https://<host>:<port><path>` (host defaults to 127.0.0.1). */
  url(path: string, host?: string): string;
  close(): Promise<void>;
}

/** An HTTPS server on loopback for fetcher tests; `handler` answers every request. */
export async function startHttpsServer(cert: TestCert, handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<TestServer> {
  const server = createServer({ cert: cert.cert, key: cert.key }, handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (path, host = '127.0.0.1') => `https://${host}:${port}${path}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
