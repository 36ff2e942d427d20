import { Worker } from 'node:worker_threads';

export interface CsafValidation {
  readonly valid: boolean;
  readonly errors: readonly string[];
}

// The BSI validator compiles its JSON schemas when its modules load: more than ten seconds of CPU. Done on the
// server's event loop that would stall every request, so validation runs in a worker thread, started on first
// use (or by warmCsafValidator) and kept for later exports. The worker is unref'd: it never holds a process open.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const ready = Promise.all(workerData.modules.map((m) => import(m)));
parentPort.on('message', async ({ id, doc }) => {
  try {
    const [validate, mandatory, schema] = await ready;
    const result = await validate.default([schema.csaf_2_0_strict, ...Object.values(mandatory)], doc);
    const errors = result.tests.flatMap((t) => t.errors.map((e) => t.name + ' ' + (e.instancePath || '/') + ': ' + e.message));
    parentPort.postMessage({ id, valid: result.isValid, errors });
  } catch (error) {
    parentPort.postMessage({ id, failure: String(error && error.message || error) });
  }
});
`;

let worker: Worker | undefined;
let nextId = 0;
const waiting = new Map<number, { resolve: (v: CsafValidation) => void; reject: (e: Error) => void }>();

function start(): Worker {
  if (worker) return worker;
  const modules = ['validateStrict.js', 'mandatoryTests.js', 'schemaTests.js'].map((m) => import.meta.resolve(`@secvisogram/csaf-validator-lib/${m}`));
  const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { modules } });
  w.unref();
  w.on('message', (m: { id: number; valid?: boolean; errors?: string[]; failure?: string }) => {
    const pending = waiting.get(m.id);
    waiting.delete(m.id);
    if (m.failure !== undefined) pending?.reject(new Error(`CSAF validator failed: ${m.failure}`));
    else pending?.resolve({ valid: Boolean(m.valid), errors: m.errors ?? [] });
    if (waiting.size === 0) w.unref();
  });
  w.on('error', (e) => failAll(e));
  w.on('exit', () => {
    worker = undefined;
    failAll(new Error('the CSAF validator worker stopped'));
  });
  worker = w;
  return w;
}

function failAll(error: Error): void {
  for (const p of waiting.values()) p.reject(error);
  waiting.clear();
}

/** Starts loading the validator in the background, so the first export does not wait for it. */
export function warmCsafValidator(): void {
  start();
}

/** Runs the CSAF 2.0 strict schema and every mandatory test (section 6.1) of the BSI csaf-validator-lib. */
export function validateCsaf(doc: unknown): Promise<CsafValidation> {
  const w = start();
  const id = nextId++;
  // Keep the process alive while an answer is owed.
  w.ref();
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    w.postMessage({ id, doc });
  });
}

export async function stopCsafValidator(): Promise<void> {
  const w = worker;
  worker = undefined;
  if (w) await w.terminate();
}
