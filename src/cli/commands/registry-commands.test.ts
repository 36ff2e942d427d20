import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { main } from '../main.js';
import { captureIo } from '../../test-support/io.js';
import { DATABASES, freshDatabase } from '../../test-support/registry.js';
import { hasTool } from '../../test-support/corpus.js';
import { openDatabase } from '../../registry/db/connect.js';
import { principalForToken } from '../../registry/auth/tokens.js';
import { createContext } from '../../registry/context.js';

for (const { dialect, skip } of DATABASES) {
  test(`db migrate and admin commands on ${dialect}`, { skip }, async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'iotcop-admin-'));
    const db = await freshDatabase(dialect, dir);
    t.after(async () => { await db.drop(); rmSync(dir, { recursive: true, force: true }); });
    const run = async (args: string[], env: Record<string, string> = {}) => {
      const io = captureIo({ env });
      const code = await main(['node', 'iotcop', ...args, '--db', db.url], io);
      return { code, out: io.stdout(), err: io.stderr() };
    };

    await t.test('db migrate applies the schema once, then reports it up to date', async () => {
      const first = await run(['db', 'migrate', '--json']);
      assert.equal(first.code, 0, first.err);
      assert.deepEqual((JSON.parse(first.out) as { applied: string[] }).applied, ['001-initial']);
      const again = await run(['db', 'migrate']);
      assert.match(again.out, /already up to date \(schema 001-initial\)/);
      if (dialect === 'postgres') assert.ok(!again.out.includes(`:${new URL(db.url).password}@`) && again.out.includes(':***@'), 'no password in output');
    });

    await t.test('create-org, create-user (password from the environment), create-token that works', async () => {
      const org = await run(['admin', 'create-org', 'acme', '--name', 'Acme Ltd', '--address', '1 Road, Town', '--security-email', 'security@acme.example', '--json']);
      assert.equal(org.code, 0, org.err);
      assert.equal((JSON.parse(org.out) as { slug: string }).slug, 'acme');
      assert.equal((await run(['admin', 'create-org', 'acme', '--name', 'Again', '--address', 'x'])).code, 2);
      const noPw = await run(['admin', 'create-user', 'ana@acme.example', '--name', 'Ana', '--org', 'acme', '--role', 'owner']);
      assert.equal(noPw.code, 2);
      assert.match(noPw.err, /IOTCOP_PASSWORD/);
      const user = await run(['admin', 'create-user', 'ana@acme.example', '--name', 'Ana', '--org', 'acme', '--role', 'owner'], { IOTCOP_PASSWORD: 'a long enough password' });
      assert.equal(user.code, 0, user.err);
      assert.equal((await run(['admin', 'create-user', 'bo@acme.example', '--name', 'Bo'], { IOTCOP_PASSWORD: 'short' })).code, 2);
      const token = await run(['admin', 'create-token', '--org', 'acme', '--role', 'maintainer', '--name', 'ci']);
      assert.equal(token.code, 0, token.err);
      const value = token.out.trim();
      assert.match(value, /^iotcop_[A-Za-z0-9_-]{43}$/);
      assert.match(token.err, /not shown again/);
      assert.equal((await run(['admin', 'create-token', '--name', 'x'])).code, 2);
      const handle = openDatabase(db.url);
      try {
        const principal = await principalForToken(createContext(handle, { dataDir: dir, publicUrl: 'https://r.test' }), value);
        assert.deepEqual([...principal!.roles.values()], ['maintainer']);
        const stored = await handle.db.selectFrom('api_tokens').select('token_hash').execute();
        assert.ok(stored.every((r) => r.token_hash !== value), 'only the hash is stored');
        const users = await handle.db.selectFrom('users').select('password_hash').execute();
        assert.match(users[0]!.password_hash, /^\$argon2id\$/);
      } finally {
        await handle.close();
      }
    });

    await t.test('backup writes a copy that holds the data', { skip: dialect === 'postgres' && !hasTool('pg_dump') ? 'pg_dump not installed' : false }, async () => {
      const out = join(dir, dialect === 'sqlite' ? 'backup.db' : 'backup.dump');
      const res = await run(['admin', 'backup', '--out', out]);
      assert.equal(res.code, 0, res.err);
      assert.ok(existsSync(out));
      if (dialect === 'sqlite') {
        const copy = new SqliteDatabase(out, { readonly: true });
        assert.deepEqual(copy.prepare('select slug from orgs').all(), [{ slug: 'acme' }]);
        copy.close();
      }
      assert.equal((await run(['admin', 'backup', '--out', out])).code, 2, 'never overwrites');
    });
  });
}

test('serve, worker, db, admin and retail document themselves with examples', async () => {
  for (const args of [['serve'], ['worker'], ['db', 'migrate'], ['admin'], ['retail', 'check']]) {
    const io = captureIo();
    assert.equal(await main(['node', 'iotcop', ...args, '--help'], io), 0);
    assert.match(io.stdout(), /Examples:/, args.join(' '));
  }
});
