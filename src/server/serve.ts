import type { FastifyInstance } from 'fastify';
import { openRuntime, type RegistryRuntime, type RuntimeOptions } from '../registry/runtime.js';
import { buildServer } from './app.js';
import type { ServerOptions } from './types.js';

export interface ServeOptions extends RuntimeOptions, Omit<ServerOptions, 'ctx'> {
  readonly port: number;
  readonly host: string;
}

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly runtime: RegistryRuntime;
  /** The address it listens on, e.g. http://127.0.0.1:8080. */
  readonly address: string;
  close(): Promise<void>;
}

/** Opens the registry, builds the server and listens. `close` is graceful: in-flight requests and jobs finish. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const runtime = await openRuntime(options);
  let app: FastifyInstance;
  const inFlight = { count: 0 };
  try {
    app = await buildServer({ ...options, ctx: runtime.ctx });
    // Handlers whose client already hung up still run to the end; the database must outlive them.
    app.addHook('onRequest', (_request, _reply, done) => { inFlight.count++; done(); });
    app.addHook('onResponse', (_request, _reply, done) => { inFlight.count--; done(); });
    app.addHook('onRequestAbort', (_request, done) => { inFlight.count--; done(); });
    await app.listen({ port: options.port, host: options.host });
  } catch (error) {
    await runtime.close();
    throw error;
  }
  const info = app.server.address();
  const address = typeof info === 'object' && info ? `http://${info.family === 'IPv6' ? `[${info.address}]` : info.address}:${info.port}` : String(info);
  let closing: Promise<void> | undefined;
  return {
    app, runtime, address,
    close() {
      closing ??= (async () => {
        await app.close();
        for (let waited = 0; inFlight.count > 0 && waited < 30_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
        await runtime.close();
      })();
      return closing;
    },
  };
}
