import { verifyPassword, type StoredHash } from '../crypt/index.js';

// Runs in a worker thread: tries a chunk of candidates against one stored hash until one matches, the chunk
// ends or the deadline passes (checked between candidates and inside long hash computations).

export interface ChunkTask {
  readonly stored: StoredHash;
  readonly candidates: readonly string[];
  readonly maxMemory: number;
  /** Epoch milliseconds after which the chunk gives up. */
  readonly deadline: number;
}

export interface ChunkResult {
  /** Index of the matching candidate, or -1. */
  readonly index: number;
  readonly tried: number;
  /** Set when the chunk stopped early: `deadline`, or why the hash cannot be tried. */
  readonly stopped?: string;
}

class Deadline extends Error {}

export default function crackChunk(task: ChunkTask): ChunkResult {
  const tick = () => {
    if (Date.now() > task.deadline) throw new Deadline('deadline');
  };
  let tried = 0;
  try {
    for (const [i, candidate] of task.candidates.entries()) {
      tick();
      const hit = verifyPassword(task.stored, Buffer.from(candidate, 'utf8'), { maxMemory: task.maxMemory, tick });
      tried++;
      if (hit) return { index: i, tried };
    }
  } catch (error) {
    if (error instanceof Deadline) return { index: -1, tried, stopped: 'deadline' };
    if (error instanceof RangeError) return { index: -1, tried, stopped: error.message };
    throw error;
  }
  return { index: -1, tried };
}
