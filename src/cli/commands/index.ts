import type { CommandModule } from '../command.js';

/** Every CLI command, in the order `iotcop --help` lists them. */
export const COMMANDS: readonly CommandModule[] = [];
