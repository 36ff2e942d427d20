import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import { newc, storedZip, ustar } from '../test-support/archives.js';
import { CORPUS_DIR, corpusFile } from '../test-support/corpus.js';
import type { FuzzJob, FuzzSample } from '../test-support/fuzz-worker.js';
import { tempDir } from '../test-support/trees.js';
import type { UnpackLimits } from './types.js';

// Tight limits: enough to get into every layer, small enough that no mutant can make a case slow.
const LIMITS: UnpackLimits = { maxTotalBytes: 16 * 1024 * 1024, maxRatio: 200, maxEntries: 5_000, maxDepth: 4, layerTimeoutMs: 3_000 };
/** A case that sends nothing for this long is a hang (the layer timeout is far shorter). */
const HANG_MS = 30_000;
/** Cases after the first round (one mutant of every sample) start only within this budget (CI: <= 60 s). */
const BUDGET_MS = 40_000;

function corpusSamples(): FuzzSample[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name !== 'README.md') files.push(path);
    }
  };
  walk(CORPUS_DIR);
  // Fewer mutants of the large samples; the time budget (BUDGET_MS) bounds the run on a slow machine.
  return files.map((path, i) => {
    const size = statSync(path).size;
    return { path, name: relative(CORPUS_DIR, path), seed: 0x5eed + i, count: size < 64 * 1024 ? 8 : size < 1024 * 1024 ? 4 : 2 };
  });
}

/** Made-for-purpose archives beside the corpus, so every archive plug-in gets mutated headers to chew on. */
function syntheticSamples(dir: string): FuzzSample[] {
  const files = [
    { name: 'links.tar', bytes: ustar([{ name: 'd/', type: 'dir' }, { name: 'd/f', data: 'data'.repeat(200) }, { name: 'd/l', type: 'symlink', target: '../etc' }, { name: 'd/h', type: 'hardlink', target: 'd/f' }]) },
    { name: 'initramfs.cpio', bytes: Buffer.concat([newc([{ name: 'init', data: '#!/bin/sh\n' }, { name: 'bin', type: 'dir' }, { name: 'bin/sh', type: 'symlink', target: 'busybox' }]), newc([{ name: 'etc/passwd', data: 'root::0:0::/:/bin/sh\n' }])]) },
    { name: 'stored.zip', bytes: storedZip([{ name: 'a/b.txt', data: 'zip member '.repeat(50) }, { name: 'c', data: 'x' }]) },
  ];
  return files.map((f, i) => {
    const path = join(dir, f.name);
    writeFileSync(path, f.bytes);
    return { path, name: `synthetic/${f.name}`, seed: 0xf00d + i, count: 24 };
  });
}

interface Outcome {
  cases: number;
  /** Cases not run because the budget was spent. */
  skipped: number;
  /** Samples with at least one case run. */
  covered: Set<string>;
  failures: string[];
  hung?: string;
}

/** Runs the cases in a worker; a case that does not finish in HANG_MS is a failure, even a synchronous loop. */
function runWorker(job: FuzzJob): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    // Workers do not inherit the tsx loader: the worker registers it, then imports the TypeScript module.
    const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('../test-support/fuzz-worker.ts', import.meta.url).href)}); });`;
    const worker = new Worker(boot, { eval: true, workerData: job });
    const outcome: Outcome = { cases: 0, skipped: 0, covered: new Set(), failures: [] };
    let current = '';
    let timer = setTimeout(() => undefined, 0);
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        outcome.hung = current;
        void worker.terminate().then(() => resolve(outcome));
      }, HANG_MS);
    };
    arm();
    worker.on('message', (m: { start?: string; done?: string; sample?: string; problems?: string[]; finished?: boolean; skipped?: number }) => {
      arm();
      if (m.start !== undefined) current = m.start;
      if (m.done !== undefined) {
        outcome.cases++;
        if (m.sample !== undefined) outcome.covered.add(m.sample);
        for (const p of m.problems ?? []) outcome.failures.push(`${m.done}: ${p}`);
      }
      if (m.finished) {
        outcome.skipped = m.skipped ?? 0;
        clearTimeout(timer);
        void worker.terminate().then(() => resolve(outcome));
      }
    });
    worker.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

test('fuzz: mutated corpus samples never crash, hang or write outside the output directory', { skip: !corpusFile('README.md') && 'corpus not present' }, async (t) => {
  const tmp = tempDir('iotcop-fuzz-');
  try {
    const samples = [...corpusSamples(), ...syntheticSamples(tmp.dir)];
    const outcome = await runWorker({ samples, dir: tmp.dir, limits: LIMITS, budgetMs: BUDGET_MS });
    t.diagnostic(`${outcome.cases} cases from ${samples.length} samples (${outcome.skipped} left out by the time budget)`);
    assert.equal(outcome.hung, undefined, `a case hung: ${outcome.hung ?? ''}`);
    assert.deepEqual(outcome.failures, []);
    // Every sample got at least one case, and every planned case either ran or was left out by the budget.
    assert.deepEqual([...outcome.covered].sort(), samples.map((s) => s.name).sort());
    assert.equal(outcome.cases + outcome.skipped, samples.reduce((n, s) => n + s.count, 0));
  } finally {
    tmp.cleanup();
  }
});
