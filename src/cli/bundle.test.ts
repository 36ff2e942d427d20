import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DirectoryVfs } from '../firmware/vfs/index.js';
import { corpusFile, REPO_ROOT } from '../test-support/corpus.js';
import { captureIo } from '../test-support/io.js';
import { snapshot, tempDir } from '../test-support/trees.js';
import { main } from './main.js';

// Users run the esbuild bundle (bin/iotcop.js loads dist/bundle/, which `npm ci` builds through `prepare`),
// while the other tests run the sources. These run the bundle as a child process, so that a packaging fault
// fails here: a chunk that does not load, a worker script that is not found, a bundled package that breaks.
const BIN = join(REPO_ROOT, 'bin', 'iotcop.js');

function cli(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('the bundled CLI is built, with the worker scripts it starts by URL', () => {
  for (const name of ['iotcop.js', 'decode-worker.js', 'crack-worker.js']) {
    assert.ok(existsSync(join(REPO_ROOT, 'dist', 'bundle', name)), `dist/bundle/${name} is missing: run npm run build`);
  }
});

test('the bundled CLI prints its version', () => {
  const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
  const r = cli(['--version']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), version);
});

for (const image of ['fact_extractor/squashFS/gzip.sqfs', 'fact_extractor/squashFS/xz.sqfs']) {
  const path = corpusFile(image);
  test(`the bundled CLI unpacks ${image} (decode workers, WebAssembly LZMA) as the sources do`, { skip: !path && 'corpus not present' }, async () => {
    const tmp = tempDir('iotcop-bundle-');
    try {
      const bundled = join(tmp.dir, 'bundled');
      const r = cli(['unpack', path!, '-o', bundled, '-q']);
      assert.equal(r.status, 0, r.stderr);
      const sources = join(tmp.dir, 'sources');
      assert.equal(await main(['node', 'iotcop', 'unpack', path!, '-o', sources, '-q'], captureIo()), 0);
      const written = await snapshot(new DirectoryVfs(bundled, 'bundled'));
      assert.ok(written.some((e) => e.type === 'file' && e.size > 0), 'no file content was written');
      assert.deepEqual(written, await snapshot(new DirectoryVfs(sources, 'sources')));
    } finally {
      tmp.cleanup();
    }
  });
}

test('the bundled CLI migrates a SQLite registry database (bundled kysely, external better-sqlite3)', () => {
  const tmp = tempDir('iotcop-bundle-');
  try {
    const db = join(tmp.dir, 'registry.db');
    const first = cli(['db', 'migrate', '--db', `sqlite:${db}`]);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout + first.stderr, /applied 001-initial/);
    const again = cli(['db', 'migrate', '--db', `sqlite:${db}`]);
    assert.equal(again.status, 0, again.stderr);
    assert.doesNotMatch(again.stdout + again.stderr, /applied 001-initial/);
  } finally {
    tmp.cleanup();
  }
});
