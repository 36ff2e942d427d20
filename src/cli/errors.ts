import { ERROR_CODES, isIotcopError } from '../model/index.js';
import type { Io } from './io.js';
import { palette } from './io.js';

/** Prints an error for a person (or as JSON with --json) and returns the exit code. Stack traces only with IOTCOP_DEBUG. */
export function reportError(error: unknown, io: Io, json: boolean): number {
  const p = palette(io);
  if (isIotcopError(error)) {
    if (json) {
      io.out(`${JSON.stringify({ error: { code: error.code, message: error.message, problems: error.problems, hint: error.hint } }, null, 2)}\n`);
    } else {
      io.err(`${p.red('error')} ${error.code}: ${error.message}\n`);
      for (const prob of error.problems) io.err(`  ${prob.file}:${prob.line}:${prob.column}: ${prob.message}\n`);
      if (error.hint) io.err(`  ${p.dim(error.hint)}\n`);
      if (io.env.IOTCOP_DEBUG && error.stack) io.err(`${error.stack}\n`);
    }
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (json) {
    io.out(`${JSON.stringify({ error: { code: 'ERR_INTERNAL', message } }, null, 2)}\n`);
  } else {
    io.err(`${p.red('error')} ERR_INTERNAL: ${message}\n  ${p.dim(ERROR_CODES.ERR_INTERNAL.meaning)}\n`);
    if (io.env.IOTCOP_DEBUG && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
    else io.err(`  ${p.dim('Run again with IOTCOP_DEBUG=1 for the stack trace.')}\n`);
  }
  return ERROR_CODES.ERR_INTERNAL.exit;
}
