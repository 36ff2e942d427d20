import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasTool, run } from '../../test-support/corpus.js';
import { readTables } from './reader.js';

test('reads tables written by the sqlite3 tool, rows across several pages and overflow pages', { skip: hasTool('sqlite3') ? false : 'sqlite3 not installed' }, () => {
  const path = join(mkdtempSync(join(tmpdir(), 'iotcop-sqlite-')), 'users.db');
  const long = 'x'.repeat(5000);
  const sql = [
    'PRAGMA page_size=1024;', 'BEGIN;',
    'CREATE TABLE users (id INTEGER PRIMARY KEY, "name" TEXT NOT NULL, password TEXT, note BLOB, UNIQUE(name));',
    "INSERT INTO users VALUES (1, 'admin', 'admin', NULL);",
    `INSERT INTO users VALUES (2, 'guest', '${long}', x'00ff');`,
    ...Array.from({ length: 300 }, (_, i) => `INSERT INTO users VALUES (${i + 3}, 'u${i}', 'p${i}', NULL);`), 'COMMIT;',
  ].join('\n');
  run('sqlite3', [path], { input: Buffer.from(sql) });
  const [users] = readTables(readFileSync(path));
  assert.equal(users?.name, 'users');
  assert.deepEqual(users.columns, ['id', 'name', 'password', 'note']);
  assert.equal(users.rows.length, 302);
  assert.deepEqual(users.rows[0]!.slice(1, 3), ['admin', 'admin']);
  assert.equal(users.rows[1]![2], long);
  assert.deepEqual(users.rows[301]!.slice(1, 3), ['u299', 'p299']);
});

test('malformed databases throw RangeError, never hang', () => {
  const bad = Buffer.alloc(4096);
  bad.write('SQLite format 3\u0000', 0, 'latin1');
  bad.writeUInt16BE(1024, 16);
  bad[100] = 0x05; // interior page pointing to itself
  bad.writeUInt16BE(1, 103);
  bad.writeUInt16BE(200, 112);
  bad.writeUInt32BE(1, 200);
  bad.writeUInt32BE(1, 108);
  assert.throws(() => readTables(bad), RangeError);
  assert.throws(() => readTables(Buffer.from('not a db')), RangeError);
});
