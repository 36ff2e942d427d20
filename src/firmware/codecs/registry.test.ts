import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODECS } from './registry.js';
import { decompress, hasCodec } from './index.js';
import { FormatError } from '../errors.js';

const here = dirname(fileURLToPath(import.meta.url));
/** Folders here that are shared code, not codecs. */
const NOT_CODECS = new Set(['lib']);

describe('codec registry', () => {
  const folders = readdirSync(here).filter((n) => statSync(join(here, n)).isDirectory() && !NOT_CODECS.has(n)).sort();

  it('lists exactly the codec folders', () => {
    assert.deepEqual(CODECS.map((c) => c.id).sort(), folders);
  });

  it('gives every codec a readme, an index and a test', () => {
    for (const f of folders) {
      for (const file of ['readme.md', 'index.ts', `${f}.test.ts`]) assert.ok(existsSync(join(here, f, file)), `${f}/${file}`);
    }
  });

  it('covers every CodecId and rejects unknown ones with FormatError', () => {
    for (const id of ['gzip', 'zlib', 'deflate', 'bzip2', 'xz', 'lzma', 'lzma-raw', 'zstd', 'lz4-frame', 'lz4-block', 'lzo1x'] as const) {
      assert.ok(hasCodec(id), id);
    }
    assert.throws(() => decompress('nope' as never, Buffer.alloc(1), { maxOutput: 1 }), FormatError);
  });

  it('turns garbage into FormatError for every codec, never another error', () => {
    const garbage = [Buffer.alloc(0), Buffer.from([0]), Buffer.alloc(64, 0xff), Buffer.from('not compressed at all, just text')];
    for (const c of CODECS) {
      for (const g of garbage) {
        try {
          decompress(c.id, g, { maxOutput: 1 << 16 });
        } catch (error) {
          assert.ok(error instanceof FormatError, `${c.id}: ${String(error)}`);
        }
      }
    }
  });
});
