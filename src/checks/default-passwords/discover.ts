import { isSqlite, readTables } from '../../analysis/sqlite/index.js';
import { baseName, readSmall, readText, type Target } from '../../analysis/tree/index.js';
import { generatedStore } from './generated.js';
import { emptyIdentity, jsonCredentials, keyValueCredentials, uciCredentials, wifiCredentials } from './stores-config.js';
import { unixCredentials } from './stores-unix.js';
import { htpasswdCredentials, httpdConfCredentials, mosquittoCredentials, referencedPasswordFiles } from './stores-web.js';
import { secretOf } from './stores-unix.js';
import type { Credential, GeneratedStore, UnitIdentity } from './types.js';

// Finds every credential store of a tree: by well-known path, by file name, by what configurations reference,
// and by content for JSON and SQLite user databases.

export interface Discovery {
  readonly credentials: Credential[];
  readonly generated: GeneratedStore[];
  /** Paths of the stores examined (for the pass finding's detail). */
  readonly stores: string[];
  readonly identity: UnitIdentity;
}

const PASSWD_NAMES = /^(passwd|passwd\.default|passwd\.orig|passwd-|passwd\.bak|default_passwd)$/;
const HTPASSWD_NAMES = /^(\.htpasswd|htpasswd|.*\.htpasswd|lighttpd\.user|lighttpd-plain\.user|lighttpd\.htpasswd|.*\.passwd)$/;
const KV_NAMES = /^(nvram\.default|nvram_default.*|nvram\.txt|default\.cfg|defaults?\.(cfg|conf|txt)|.*\.ini|.*_default\.cfg|mib\.default)$/i;
const USER_DB = /^(\/etc|\/www|\/usr\/share|\/usr\/local|\/opt|\/var|\/home|\/app|\/config|\/data)\//;

export async function discover(t: Target): Promise<Discovery> {
  const { vfs } = t;
  const d: Discovery = { credentials: [], generated: [], stores: [], identity: emptyIdentity() };
  const add = (path: string, creds: Credential[]) => {
    d.stores.push(path);
    d.credentials.push(...creds);
  };
  const seen = new Set<string>();
  for (const e of vfs.entries()) {
    if (e.type !== 'file' && e.type !== 'symlink') continue;
    const name = baseName(e.path);
    if (seen.has(e.path)) continue;
    seen.add(e.path);
    if (PASSWD_NAMES.test(name) && !e.path.startsWith('/etc/pam.d/') && !e.path.startsWith('/usr/share/')) {
      const dir = e.path.slice(0, e.path.lastIndexOf('/'));
      if (e.type === 'symlink' && e.path === '/etc/passwd') {
        const g = await generatedStore(vfs, e.path, e.target ?? '');
        if (g) {
          d.generated.push(g.store);
          d.stores.push(...g.sources);
          d.credentials.push(...g.credentials);
          continue;
        }
      }
      const passwd = await readText(vfs, e.path);
      if (passwd === undefined) continue;
      const shadowPath = [`${dir}/shadow`, `${dir}/${name.replace('passwd', 'shadow')}`].find((p) => vfs.resolve(p));
      const shadow = shadowPath ? await readText(vfs, shadowPath) : undefined;
      const accounts = unixCredentials(e.path, passwd, shadowPath, shadow);
      if (accounts.length > 0 || e.path === '/etc/passwd') add(e.path, accounts);
      if (shadowPath) seen.add(shadowPath);
      continue;
    }
    if (e.type !== 'file') continue;
    if (HTPASSWD_NAMES.test(name) && !PASSWD_NAMES.test(name)) await textStore(t, e.path, d, (p, x) => htpasswdCredentials(p, x, 'htpasswd'));
    else if (name === 'httpd.conf' && !e.path.includes('/apache')) await textStore(t, e.path, d, httpdConfCredentials);
    else if (/hostapd.*\.conf$|wpa_supplicant.*\.conf$/.test(name)) await textStore(t, e.path, d, wifiCredentials);
    else if (e.path.startsWith('/etc/config/')) await textStore(t, e.path, d, uciCredentials);
    else if (KV_NAMES.test(name)) await textStore(t, e.path, d, (p, x) => keyValueCredentials(p, x, d.identity as { macs: string[]; serials: string[] }));
    else if (/lighttpd.*\.conf$|mosquitto.*\.conf$/.test(name)) await referenced(t, e.path, d);
    else if (USER_DB.test(e.path) && e.size < 1024 * 1024 && /\.json$/.test(name)) await textStore(t, e.path, d, jsonCredentials, false);
    else if (USER_DB.test(e.path) && e.size < 16 * 1024 * 1024 && /\.(db|sqlite3?|sdb)$/.test(name)) await sqliteStore(t, e.path, d);
  }
  return d;
}

async function textStore(t: Target, path: string, d: Discovery, parse: (path: string, text: string) => Credential[], always = true): Promise<void> {
  const text = await readText(t.vfs, path);
  if (text === undefined) return;
  const creds = parse(path, text);
  if (always || creds.length > 0) {
    d.stores.push(path);
    d.credentials.push(...creds);
  }
}

async function referenced(t: Target, confPath: string, d: Discovery): Promise<void> {
  const text = await readText(t.vfs, confPath);
  if (text === undefined) return;
  for (const ref of referencedPasswordFiles(text)) {
    if (d.stores.includes(ref.path)) continue;
    await textStore(t, ref.path, d, (p, x) => (ref.kind === 'mosquitto' ? mosquittoCredentials(p, x) : htpasswdCredentials(p, x, ref.kind)));
  }
}

const USER_COL = /^(user|username|user_name|login|name|account)$/i;
const PASS_COL = /^(password|passwd|pass|pwd|password_hash|passwordhash|hash)$/i;

async function sqliteStore(t: Target, path: string, d: Discovery): Promise<void> {
  const buf = await readSmall(t.vfs, path, 16 * 1024 * 1024);
  if (!buf || !isSqlite(buf)) return;
  let tables;
  try {
    tables = readTables(buf);
  } catch {
    return;
  }
  for (const table of tables) {
    const u = table.columns.findIndex((c) => USER_COL.test(c));
    const p = table.columns.findIndex((c) => PASS_COL.test(c));
    if (u < 0 || p < 0) continue;
    d.stores.push(`${path} (table ${table.name})`);
    for (const row of table.rows) {
      const user = row[u];
      const pass = row[p];
      if (typeof user !== 'string' || (typeof pass !== 'string' && pass !== null)) continue;
      const s = secretOf(pass ?? '');
      const secret = s.kind === 'unknown' || s.kind === 'locked' ? { kind: 'plain' as const, value: pass ?? '' } : s;
      d.credentials.push({ store: `sqlite:${table.name}`, path, user, secret, purpose: 'web', loginCapable: false });
    }
  }
}
