import { Option, type Command } from 'commander';
import { IotcopError } from '../../model/index.js';
import { CLI_ACTOR } from '../../registry/audit.js';
import { ORG_ROLES, isOrgRole } from '../../registry/auth/roles.js';
import { createToken } from '../../registry/auth/tokens.js';
import { backupDatabase } from '../../registry/backup.js';
import { createContext, type RegistryContext } from '../../registry/context.js';
import { openDatabase } from '../../registry/db/connect.js';
import { migrateToLatest } from '../../registry/db/migrate.js';
import type { OrgKind } from '../../registry/db/schema.js';
import { RegistryError } from '../../registry/errors.js';
import { createOrg, getOrgBySlug } from '../../registry/orgs.js';
import { createUser, setMembership } from '../../registry/users.js';
import type { CommandModule } from '../command.js';
import type { Io } from '../io.js';
import { dataDir, dbUrl, parseCount, withRegistryOptions, type RegistryCliOptions } from '../registry-options.js';
import { VERSION } from '../version.js';
import { SUMMARIES } from './summaries.js';

/** Opens and migrates the database, runs `fn`, closes; service errors become usage errors (exit 2). */
async function withRegistry<T>(opts: RegistryCliOptions, io: Io, fn: (ctx: RegistryContext) => Promise<T>): Promise<T> {
  const handle = openDatabase(dbUrl(opts, io));
  try {
    await migrateToLatest(handle);
    return await fn(createContext(handle, { dataDir: dataDir(opts, io), publicUrl: io.env.IOTCOP_PUBLIC_URL ?? 'http://127.0.0.1:8080', version: VERSION }));
  } catch (error) {
    if (error instanceof RegistryError) throw new IotcopError('ERR_USAGE', error.message, { cause: error });
    throw error;
  } finally {
    await handle.close();
  }
}

interface OrgOpts extends RegistryCliOptions { name: string; kind: OrgKind; address: string; securityEmail?: string; website?: string; ackDays: string; updateDays: string; json?: boolean }
interface UserOpts extends RegistryCliOptions { name: string; passwordEnv: string; org?: string; role?: string; registryAdmin?: boolean; json?: boolean }
interface TokenOpts extends RegistryCliOptions { org?: string; role?: string; name: string; registryAdmin?: boolean; json?: boolean }

function print(io: Io, json: boolean | undefined, data: Record<string, unknown>, text: string): void {
  io.out(json ? `${JSON.stringify(data, null, 2)}\n` : text);
}

async function password(opts: UserOpts, io: Io): Promise<string> {
  const fromEnv = io.env[opts.passwordEnv];
  if (fromEnv) return fromEnv;
  if (io.interactive) return io.prompt('Password (12 characters or more)', '');
  throw new IotcopError('ERR_USAGE', `no password: set ${opts.passwordEnv} (passwords never go on the command line, where ps and shell history see them)`);
}

export const adminCommand: CommandModule = {
  register(program: Command, io: Io, setExit) {
    const admin = program.command('admin').description(SUMMARIES.admin)
      .addHelpText('after', `
Examples:
  $ iotcop admin create-org brightwatt --name "Brightwatt Devices Ltd" --address "Leeds LS9 8AB, UK" --security-email security@brightwatt.example
  $ IOTCOP_PASSWORD=... iotcop admin create-user ana@brightwatt.example --name "Ana" --org brightwatt --role owner
  $ iotcop admin create-token --org brightwatt --role maintainer --name ci      token for CI uploads
  $ iotcop admin create-token --registry-admin --name ops
  $ iotcop admin backup --out backup-2026-11-25.db`);

    withRegistryOptions(admin.command('create-org').description('create an organisation').argument('<slug>', 'short name used in URLs (/m/<slug>/report)'))
      .requiredOption('--name <name>', 'legal name')
      .requiredOption('--address <address>', 'postal address (shown on product pages)')
      .addOption(new Option('--kind <kind>', 'what the organisation is').choices(['manufacturer', 'retailer', 'lab']).default('manufacturer'))
      .option('--security-email <email>', 'security contact published in security.txt')
      .option('--website <url>', 'website')
      .option('--ack-days <n>', 'promised days to acknowledge a vulnerability report', '5')
      .option('--update-days <n>', 'promised days between status updates to a reporter', '30')
      .option('--json', 'print the organisation as JSON')
      .action(async (slug: string, opts: OrgOpts) => {
        const org = await withRegistry(opts, io, (ctx) => createOrg(ctx, CLI_ACTOR, {
          slug, name: opts.name, kind: opts.kind, address: opts.address, securityEmail: opts.securityEmail ?? null, website: opts.website ?? null,
          ackDays: parseCount(opts.ackDays, '--ack-days', 1, 90), updateDays: parseCount(opts.updateDays, '--update-days', 1, 180),
        }));
        print(io, opts.json, { ...org }, `created organisation ${org.slug} (${org.id})\n`);
        setExit(0);
      });

    withRegistryOptions(admin.command('create-user').description('create a user who signs in with a password (argon2id)').argument('<email>', 'sign-in e-mail address'))
      .requiredOption('--name <name>', 'display name')
      .option('--password-env <var>', 'environment variable holding the password', 'IOTCOP_PASSWORD')
      .option('--org <slug>', 'add the user to this organisation')
      .option('--role <role>', `role in --org: ${ORG_ROLES.join(', ')}`, 'viewer')
      .option('--registry-admin', 'may create organisations and act in every one')
      .option('--json', 'print the user as JSON')
      .action(async (email: string, opts: UserOpts) => {
        if (opts.role && !isOrgRole(opts.role)) throw new IotcopError('ERR_USAGE', `--role ${opts.role}: choose ${ORG_ROLES.join(', ')}`);
        const pw = await password(opts, io);
        const user = await withRegistry(opts, io, async (ctx) => {
          const u = await createUser(ctx, CLI_ACTOR, { email, name: opts.name, password: pw, registryAdmin: Boolean(opts.registryAdmin) });
          if (opts.org) await setMembership(ctx, CLI_ACTOR, (await getOrgBySlug(ctx, opts.org)).id, email, (opts.role ?? 'viewer') as 'viewer');
          return u;
        });
        print(io, opts.json, { ...user }, `created user ${user.email} (${user.id})${opts.org ? ` as ${opts.role ?? 'viewer'} of ${opts.org}` : ''}\n`);
        setExit(0);
      });

    withRegistryOptions(admin.command('create-token').description('create an API token for a machine (printed once; only its hash is kept)'))
      .option('--org <slug>', 'organisation the token acts in')
      .option('--role <role>', `role in --org: ${ORG_ROLES.join(', ')}`, 'maintainer')
      .option('--registry-admin', 'a registry-wide administrator token (no --org)')
      .requiredOption('--name <name>', 'what the token is for (shown in lists and the audit log)')
      .option('--json', 'print id and token as JSON')
      .action(async (opts: TokenOpts) => {
        if (Boolean(opts.org) === Boolean(opts.registryAdmin)) throw new IotcopError('ERR_USAGE', 'give either --org <slug> or --registry-admin');
        if (opts.role && !isOrgRole(opts.role)) throw new IotcopError('ERR_USAGE', `--role ${opts.role}: choose ${ORG_ROLES.join(', ')}`);
        const created = await withRegistry(opts, io, async (ctx) => createToken(ctx, CLI_ACTOR, opts.registryAdmin
          ? { orgId: null, role: 'registry-admin', name: opts.name }
          : { orgId: (await getOrgBySlug(ctx, opts.org!)).id, role: (opts.role ?? 'maintainer') as 'maintainer', name: opts.name }));
        print(io, opts.json, { ...created }, `${created.token}\n`);
        if (!opts.json) io.err(`token ${created.id} created; store it now, it is not shown again\n`);
        setExit(0);
      });

    withRegistryOptions(admin.command('backup').description('write a consistent copy of the database (SQLite VACUUM INTO, or pg_dump for PostgreSQL)'))
      .requiredOption('--out <file>', 'backup file (must not exist)')
      .option('--json', 'print the outcome as JSON')
      .action(async (opts: RegistryCliOptions & { out: string; json?: boolean }) => {
        const handle = openDatabase(dbUrl(opts, io));
        try {
          const done = await backupDatabase(handle, opts.out);
          print(io, opts.json, { ...done }, `backup written to ${done.path} (${done.method}); back up the data folder ${dataDir(opts, io)} too\n`);
        } finally {
          await handle.close();
        }
        setExit(0);
      });
  },
};
