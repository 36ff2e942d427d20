// Reference tools for the container-format tests, run with a fixed clock so their output is deterministic.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Timestamp that mkimage stamps into images (it honours SOURCE_DATE_EPOCH). */
export const FIXED_EPOCH = 1_700_000_000;

/** Runs a tool with SOURCE_DATE_EPOCH and TZ=UTC; returns stdout as text, throws with stderr on failure. */
export function tool(cmd: string, args: readonly string[], cwd?: string, input?: Buffer): string {
  return execFileSync(cmd, args, {
    cwd,
    input,
    env: { ...process.env, SOURCE_DATE_EPOCH: String(FIXED_EPOCH), TZ: 'UTC', LC_ALL: 'C' },
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  }).toString('latin1');
}

/** A fresh temporary directory and a function that removes it. */
export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `iotcop-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** `Key:   value` lines of a tool's listing as a map (first occurrence of each key wins). */
export function fields(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^\s*([^:]+?):\s+(.*)$/.exec(line);
    if (m && !out.has(m[1]!)) out.set(m[1]!, m[2]!.trim());
  }
  return out;
}
