import cluster from 'node:cluster';
import type { Command } from 'commander';
import { IotcopError } from '../../model/index.js';
import { redactUrl } from '../../registry/db/connect.js';
import type { CommandModule } from '../command.js';
import type { Io } from '../io.js';
import { dataDir, dbUrl, parseCount, untilStopped, withRegistryOptions, type RegistryCliOptions } from '../registry-options.js';
import { VERSION } from '../version.js';
import { SUMMARIES } from './summaries.js';

interface ServeCliOptions extends RegistryCliOptions {
  port: string;
  host: string;
  publicUrl?: string;
  workers: string;
  processes: string;
  logLevel: string;
  insecureCookies?: boolean;
  securityContact?: string;
  trustProxy?: boolean;
  reportsPerMinute: string;
  retailPerMinute: string;
}

async function runServe(opts: ServeCliOptions, io: Io): Promise<number> {
  const port = parseCount(opts.port, '--port', 0, 65535);
  const db = dbUrl(opts, io);
  const publicUrl = opts.publicUrl ?? io.env.IOTCOP_PUBLIC_URL ?? `http://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${port}`;
  try {
    new URL(publicUrl);
  } catch {
    throw new IotcopError('ERR_USAGE', `--public-url ${publicUrl}: not a URL`);
  }
  const processes = parseCount(opts.processes, '--processes', 1, 64);
  const clusterWorker = cluster.isWorker && io.env.IOTCOP_CLUSTER === '1';
  if (processes > 1 && !clusterWorker) return runPrimary(processes, db, io);
  // Loaded on demand: the server's dependencies are not needed by the other commands.
  const { startServer } = await import('../../server/serve.js');
  const server = await startServer({
    port, host: opts.host, db, dataDir: dataDir(opts, io), publicUrl, version: VERSION,
    // In a cluster the primary migrated already and only the first process runs assessment jobs.
    migrate: !clusterWorker,
    workers: clusterWorker && cluster.worker?.id !== 1 ? 0 : parseCount(opts.workers, '--workers', 0, 64),
    logger: opts.logLevel === 'silent' ? false : { level: opts.logLevel },
    cookieSecure: !opts.insecureCookies,
    trustProxy: Boolean(opts.trustProxy),
    ...(opts.securityContact ? { registryContact: opts.securityContact } : {}),
    rateLimits: { reportsPerMinute: parseCount(opts.reportsPerMinute, '--reports-per-minute', 1, 1_000_000), retailPerMinute: parseCount(opts.retailPerMinute, '--retail-per-minute', 1, 1_000_000) },
  });
  if (!clusterWorker) io.err(`iotcop registry listening on ${server.address} (public URL ${publicUrl}, database ${redactUrl(db)})\n`);
  const why = await untilStopped();
  if (!clusterWorker) io.err(`${why}: shutting down (finishing requests and jobs)\n`);
  await server.close();
  return 0;
}

/**
 * `--processes N`: one Node.js process serves requests on one core, so N processes (node:cluster, connections
 * shared round-robin) use N cores. The primary migrates once, forks, and on SIGINT/SIGTERM stops the workers
 * gracefully. Each process keeps its own caches; on SQLite each sees the others' commits through
 * `PRAGMA data_version` on its next request (src/registry/changes.ts), on PostgreSQL within the caches' TTL.
 */
async function runPrimary(processes: number, db: string, io: Io): Promise<number> {
  const { openDatabase } = await import('../../registry/db/connect.js');
  const { migrateToLatest } = await import('../../registry/db/migrate.js');
  const handle = openDatabase(db);
  try {
    await migrateToLatest(handle);
  } finally {
    await handle.close();
  }
  const workers = Array.from({ length: processes }, () => cluster.fork({ IOTCOP_CLUSTER: '1' }));
  let failed = false;
  const exits = workers.map((w) => new Promise<void>((resolve) => w.on('exit', (code) => { if (code !== 0) failed = true; resolve(); })));
  await Promise.all(workers.map((w) => new Promise<void>((resolve) => w.on('listening', () => resolve()))));
  io.err(`iotcop registry listening with ${processes} processes (database ${redactUrl(db)})\n`);
  const why = await Promise.race([untilStopped(), Promise.all(exits).then(() => 'workers exited')]);
  io.err(`${why}: shutting down ${processes} processes (finishing requests and jobs)\n`);
  for (const w of workers) if (!w.isDead()) w.process.kill('SIGTERM');
  await Promise.all(exits);
  return failed ? 3 : 0;
}

export const serveCommand: CommandModule = {
  register(program: Command, io: Io, setExit) {
    withRegistryOptions(program.command('serve')
      .description(SUMMARIES.serve))
      .option('--port <port>', 'TCP port', '8080')
      .option('--host <address>', 'address to listen on', '127.0.0.1')
      .option('--public-url <url>', 'base URL the public reaches the registry at (labels and links use it; also IOTCOP_PUBLIC_URL)')
      .option('--processes <n>', 'server processes sharing the port (one per core; node:cluster)', '1')
      .option('--workers <n>', 'assessment jobs run in this process at once (0: leave them to `iotcop worker`)', '1')
      .option('--log-level <level>', 'fatal, error, warn, info, debug or silent', 'info')
      .option('--insecure-cookies', 'session cookies without the Secure flag (plain http on a non-loopback address)')
      .option('--security-contact <uri>', 'Contact of the registry\'s own /.well-known/security.txt (mailto: or https:)')
      .option('--trust-proxy', 'behind a reverse proxy: client addresses from X-Forwarded-For')
      .option('--reports-per-minute <n>', 'disclosure reports accepted per client address per minute', '10')
      .option('--retail-per-minute <n>', 'anonymous retailer checks per client address per minute (tokens are not limited)', '120')
      .addHelpText('after', `
Migrations run on start. Stop with Ctrl-C or SIGTERM: in-flight requests and running jobs finish first.

Examples:
  $ iotcop admin create-org brightwatt --name "Brightwatt Devices Ltd" --address "Leeds, UK"
  $ iotcop serve                                         SQLite in ./iotcop.db, http://127.0.0.1:8080
  $ iotcop serve --host 0.0.0.0 --public-url https://registry.example --trust-proxy --processes 2
  $ IOTCOP_DB=postgres://iotcop:secret@db/iotcop iotcop serve --workers 0   jobs run by \`iotcop worker\`
  $ curl http://127.0.0.1:8080/healthz; open http://127.0.0.1:8080/docs`)
      .action(async (opts: ServeCliOptions) => { setExit(await runServe(opts, io)); });
  },
};
