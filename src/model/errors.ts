/**
 * Every failure of the tool has a stable code. User errors (bad input, bad usage) exit with 2, internal
 * errors with 3. This table is the one list of codes; the README's error table is generated from it.
 */
export const ERROR_CODES = {
  ERR_USAGE: { exit: 2, meaning: 'The command line is wrong: unknown option, missing argument, bad value.' },
  ERR_INPUT_NOT_FOUND: { exit: 2, meaning: 'An input file or directory does not exist or cannot be read.' },
  ERR_MANIFEST_PARSE: { exit: 2, meaning: 'The manifest is not valid YAML.' },
  ERR_MANIFEST_INVALID: { exit: 2, meaning: 'The manifest does not follow the schema; each problem has a file, line and column.' },
  ERR_OUTPUT_WRITE: { exit: 2, meaning: 'A report or file could not be written where asked.' },
  ERR_UNPACK_LIMIT: { exit: 2, meaning: 'Unpacking stopped at a configured limit (size, ratio, entries, depth or time).' },
  ERR_FORMAT_UNSUPPORTED: { exit: 2, meaning: 'The input is in no format iotcop can read.' },
  ERR_DB: { exit: 2, meaning: 'The registry database cannot be opened, reached or migrated; the message names it (without its password).' },
  ERR_KEY_INVALID: { exit: 2, meaning: 'A signing or verification key file is not an Ed25519 key in PEM or JWK form.' },
  ERR_LABEL_INVALID: { exit: 2, meaning: 'A label payload or revocation list does not follow its schema or cannot be trusted.' },
  ERR_STATEMENT_REFUSED: { exit: 2, meaning: 'The assessment does not support the declaration asked for (use --force for a marked draft).' },
  ERR_FORMAT_INVALID: { exit: 2, meaning: 'A layer of the input is malformed; the unpack log records it and unpacking goes on with the rest.' },
  ERR_VULNDB: { exit: 2, meaning: 'The vulnerability database cannot be opened or is not an iotcop database, or an advisory file cannot be read.' },
  ERR_CHECK_FAILED: { exit: 3, meaning: 'A check crashed; its provisions are reported inconclusive and the run goes on.' },
  ERR_INTERNAL: { exit: 3, meaning: 'A bug in iotcop. Please report it with the command that triggered it.' },
} as const satisfies Record<string, { exit: 2 | 3; meaning: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** A problem located in an input file (1-based line and column). */
export interface InputProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface IotcopErrorOptions {
  readonly cause?: unknown;
  readonly problems?: readonly InputProblem[];
  /** What the user can do about it. */
  readonly hint?: string;
}

/** An error with a stable code, an actionable message and, for input errors, the located problems. */
export class IotcopError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly problems: readonly InputProblem[];
  readonly hint: string | undefined;

  constructor(code: C, message: string, options: IotcopErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'IotcopError';
    this.code = code;
    this.problems = options.problems ?? [];
    this.hint = options.hint;
  }

  get exitCode(): 2 | 3 {
    return ERROR_CODES[this.code].exit;
  }
}

export function isIotcopError(error: unknown): error is IotcopError {
  return error instanceof IotcopError;
}
