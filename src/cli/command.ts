import type { Command } from 'commander';
import type { Io } from './io.js';

/** A CLI command module: adds itself to the program. Actions resolve to the exit code. */
export interface CommandModule {
  register(program: Command, io: Io, setExit: (code: number) => void): void;
}

/** Options every command accepts. */
export interface CommonOptions {
  readonly json?: boolean;
  readonly quiet?: boolean;
}
