// Runs fuzz cases in a worker thread, so the test's main thread can stop it if a case hangs even in a
// synchronous loop. Messages: { start: caseName } before each case, { done: caseName, ... } after it,
// { finished: true } at the end; failures (anything that escapes unpackImage or the writer, a probe that
// throws, a plug-in bug recorded as ERR_INTERNAL, a file outside the output directory) are reported in them.
import { lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { FORMATS } from '../firmware/formats/registry.js';
import { writeEvidence } from '../firmware/extract/index.js';
import { BufferSource } from '../firmware/source/index.js';
import type { UnpackLimits } from '../firmware/types.js';
import { unpackImage } from '../firmware/unpack/index.js';
import { mutants, type Mutant } from './fuzz.js';

/** A corpus sample and how many mutants of it to run (the worker makes them, so they never cross threads). */
export interface FuzzSample {
  readonly path: string;
  readonly name: string;
  readonly count: number;
  readonly seed: number;
}

export interface FuzzJob {
  readonly samples: readonly FuzzSample[];
  readonly dir: string;
  readonly limits: UnpackLimits;
  /**
   * Wall-clock budget: the first mutant of every sample always runs; further rounds start only while the
   * run is younger than this, so a slow or loaded machine runs fewer cases instead of taking longer.
   */
  readonly budgetMs: number;
}

const unhandled: string[] = [];
process.on('unhandledRejection', (reason) => unhandled.push(String(reason)));

/** Everything under `root` must really lie inside it (symlinks are listed, never followed). */
function escapes(root: string): string[] {
  const real = realpathSync(root);
  const bad: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const st = lstatSync(path);
      if (st.isSymbolicLink()) continue;
      if (!realpathSync(path).startsWith(`${real}/`)) bad.push(path);
      if (st.isDirectory()) walk(path);
    }
  };
  walk(root);
  return bad;
}

function probeThrows(bytes: Buffer): string[] {
  const src = new BufferSource(bytes, 'fuzz');
  const out: string[] = [];
  for (const f of FORMATS) {
    try {
      f.probe(src);
    } catch (error) {
      out.push(`${f.id}.probe threw ${String(error)}`);
    }
  }
  return out;
}

async function runCase(c: Mutant, job: FuzzJob): Promise<string[]> {
  const problems: string[] = [];
  const caseDir = join(job.dir, 'case');
  rmSync(caseDir, { recursive: true, force: true });
  mkdirSync(join(caseDir, 'outside'), { recursive: true });
  const bytes = c.bytes;
  const image = join(caseDir, 'image.bin');
  writeFileSync(image, bytes);
  problems.push(...probeThrows(bytes));
  try {
    const evidence = await unpackImage(image, { limits: job.limits, deep: true });
    for (const l of evidence.log.layers) if (l.error?.code === 'ERR_INTERNAL') problems.push(`${l.id}: ${l.error.message}`);
    await writeEvidence(evidence, join(caseDir, 'out'), { maxFileBytes: job.limits.maxTotalBytes });
  } catch (error) {
    problems.push(`escaped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  const top = readdirSync(caseDir);
  const stray = top.filter((n) => !['image.bin', 'out', 'outside'].includes(n));
  if (stray.length > 0) problems.push(`files written beside the output: ${stray.join(', ')}`);
  if (readdirSync(join(caseDir, 'outside')).length > 0) problems.push('a file was written into the sentinel directory');
  if (top.includes('out')) problems.push(...escapes(join(caseDir, 'out')).map((p) => `outside the output: ${p}`));
  if (unhandled.length > 0) problems.push(...unhandled.splice(0).map((u) => `unhandled rejection: ${u}`));
  return problems;
}

/** Mutant `round` of a sample (the same bytes whatever else ran: mutants() is seeded per sample). */
function mutantOf(sample: FuzzSample, round: number): Mutant | undefined {
  return mutants(readFileSync(sample.path), FORMATS, sample.seed, round + 1)[round];
}

/** Round-robin over the samples (mutant 0 of each, then mutant 1...), so a budget cut skips no sample. */
async function main(): Promise<void> {
  const job = workerData as FuzzJob;
  const started = performance.now();
  const rounds = Math.max(0, ...job.samples.map((s) => s.count));
  let skipped = 0;
  for (let round = 0; round < rounds; round++) {
    for (const sample of job.samples) {
      if (round >= sample.count) continue;
      if (round > 0 && performance.now() - started > job.budgetMs) {
        skipped++;
        continue;
      }
      const m = mutantOf(sample, round);
      if (!m) continue;
      const name = `${sample.name}: ${m.name}`;
      parentPort?.postMessage({ start: name });
      const problems = await runCase(m, job);
      parentPort?.postMessage({ done: name, sample: sample.name, problems });
    }
  }
  parentPort?.postMessage({ finished: true, skipped });
}

void main();
