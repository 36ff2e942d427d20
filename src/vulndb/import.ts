import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { FileSource, standaloneContext } from '../firmware/index.js';
import { zip } from '../firmware/formats/zip/index.js';
import { IotcopError } from '../model/index.js';
import { JsonArrayItems } from './json-items.js';
import { nvdToOsv } from './nvd.js';
import { fromOsv } from './osv.js';
import type { ImportCounts, VulnStore } from './store.js';
import type { Advisory } from './types.js';

// Imports advisories from OSV exports (single records, directories of them, the all.zip of an ecosystem,
// JSON arrays of records) and NVD JSON 2.0 feeds or CVE API pages (plain, .gz or zipped), whatever the
// mix. Documents are told apart by their shape, not their names.

/** Documents up to this size are parsed whole; bigger ones are streamed element by element. */
const WHOLE = 16 * 1024 * 1024;
const BATCH = 2_000;
const MAX_FILES = 2_000_000;
/** Reasons kept for the user (the count of refused records is always exact). */
const MAX_PROBLEMS = 20;

export interface ImportSummary extends ImportCounts {
  files: number;
  /** The first reasons records were refused, for the user. */
  readonly problems: string[];
}

class Batcher {
  private pending: Advisory[] = [];
  readonly summary: ImportSummary = { files: 0, added: 0, updated: 0, unchanged: 0, refused: 0, problems: [] };

  constructor(private readonly store: VulnStore, private readonly onProgress?: (s: ImportSummary) => void) {}

  record(raw: unknown, where: string, source: Advisory['source'] = 'osv'): void {
    const a = fromOsv(raw, source);
    if (typeof a === 'string') {
      this.refuse(`${where}: ${a}`);
      return;
    }
    this.pending.push(a);
    if (this.pending.length >= BATCH) this.flush();
  }

  nvd(item: unknown, where: string): void {
    const osv = nvdToOsv(item);
    if (osv) this.record(osv, where, 'nvd');
    else this.refuse(`${where}: not an NVD CVE item`);
  }

  refuse(why: string): void {
    this.summary.refused++;
    if (this.summary.problems.length < MAX_PROBLEMS) this.summary.problems.push(why);
  }

  flush(): void {
    if (this.pending.length === 0) return;
    this.store.put(this.pending, this.summary);
    this.pending = [];
    this.onProgress?.(this.summary);
  }
}

/** Routes one parsed JSON document: an OSV record, an array of them, or an NVD feed / API page. */
function document(doc: unknown, where: string, b: Batcher): void {
  if (Array.isArray(doc)) {
    for (const r of doc) b.record(r, where);
  } else if (typeof doc === 'object' && doc !== null && Array.isArray((doc as { vulnerabilities?: unknown }).vulnerabilities)) {
    for (const item of (doc as { vulnerabilities: unknown[] }).vulnerabilities) b.nvd(item, where);
  } else {
    b.record(doc, where);
  }
}

function parse(text: string, where: string, b: Batcher): void {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    b.refuse(`${where}: not JSON (${(error as Error).message})`);
    return;
  }
  document(doc, where, b);
}

/** A large document: an array of OSV records when it starts with `[`, else an NVD feed. */
function streamer(first: string, where: string, b: Batcher): JsonArrayItems {
  const top = first === '[';
  return new JsonArrayItems(top ? null : 'vulnerabilities', (text) => {
    let item: unknown;
    try {
      item = JSON.parse(text);
    } catch (error) {
      b.refuse(`${where}: element is not JSON (${(error as Error).message})`);
      return;
    }
    if (top) b.record(item, where);
    else b.nvd(item, where);
  });
}

const firstChar = (buf: Buffer) => /\S/.exec(buf.toString('utf8', 0, Math.min(buf.length, 4096)))?.[0] ?? '';

function fromBuffer(buf: Buffer, where: string, b: Batcher): void {
  if (buf.length <= WHOLE) return parse(buf.toString('utf8'), where, b);
  const s = streamer(firstChar(buf), where, b);
  for (let at = 0; at < buf.length; at += 1 << 20) s.push(buf.subarray(at, at + (1 << 20)));
  s.end();
}

async function fromStream(stream: NodeJS.ReadableStream, where: string, b: Batcher): Promise<void> {
  const chunks: Buffer[] = [];
  let size = 0;
  let s: JsonArrayItems | undefined;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (s) { s.push(chunk); continue; }
    chunks.push(chunk);
    size += chunk.length;
    if (size > WHOLE) {
      const head = Buffer.concat(chunks);
      s = streamer(firstChar(head), where, b);
      s.push(head);
    }
  }
  if (s) s.end();
  else parse(Buffer.concat(chunks).toString('utf8'), where, b);
}

async function fromZip(path: string, b: Batcher): Promise<void> {
  const src = new FileSource(path);
  try {
    const ctx = standaloneContext({ layer: 'vulndb', limits: { maxEntries: MAX_FILES, layerTimeoutMs: 3_600_000 } });
    const out = await zip.unpack(src, ctx);
    if (out.kind !== 'tree') throw new IotcopError('ERR_VULNDB', `${path}: not a zip archive of advisories`);
    for (const e of out.vfs.entries()) {
      if (e.type !== 'file' || !/\.json$/i.test(e.path)) continue;
      b.summary.files++;
      let buf: Buffer;
      try {
        buf = await e.read(1024 * 1024 * 1024);
      } catch (error) {
        b.refuse(`${path}:${e.path}: ${(error as Error).message}`);
        continue;
      }
      fromBuffer(buf, `${path}:${e.path}`, b);
    }
  } catch (error) {
    if (error instanceof IotcopError) throw error;
    throw new IotcopError('ERR_VULNDB', `${path}: cannot read the zip archive: ${(error as Error).message}`, { cause: error });
  } finally {
    src.close();
  }
}

async function fromFile(path: string, b: Batcher): Promise<void> {
  if (/\.zip$/i.test(path)) return fromZip(path, b);
  b.summary.files++;
  const raw = createReadStream(path);
  await fromStream(/\.gz$/i.test(path) ? raw.pipe(createGunzip()) : raw, path, b);
}

async function* walk(dir: string, depth = 0): AsyncGenerator<string> {
  if (depth > 20) return;
  const names = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of names) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p, depth + 1);
    else if (e.isFile() && /\.(json|json\.gz|zip)$/i.test(e.name)) yield p;
  }
}

/** Imports every advisory under `path` (a file, a directory or a zip) into `store`. */
export async function importAdvisories(store: VulnStore, path: string, options: { now?: Date; onProgress?: (s: ImportSummary) => void } = {}): Promise<ImportSummary> {
  let st;
  try {
    st = await stat(path);
  } catch (error) {
    throw new IotcopError('ERR_INPUT_NOT_FOUND', `${path}: no such file or directory`, { cause: error });
  }
  const b = new Batcher(store, options.onProgress);
  try {
    if (st.isDirectory()) {
      for await (const f of walk(path)) {
        if (b.summary.files >= MAX_FILES) break;
        // One unreadable file (a truncated zip or gzip) is refused with its reason; the rest still comes in.
        try {
          await fromFile(f, b);
        } catch (error) {
          b.refuse(`${f}: ${(error as Error).message}`);
        }
      }
    } else {
      await fromFile(path, b);
    }
  } catch (error) {
    if (error instanceof IotcopError) throw error;
    throw new IotcopError('ERR_VULNDB', `${path}: ${(error as Error).message}`, { cause: error });
  } finally {
    b.flush();
  }
  store.logImport(path, options.now ?? new Date(), b.summary);
  return b.summary;
}
