import type { CommandModule } from '../command.js';
import { identifyCommand } from './identify.js';
import { lsCommand } from './ls.js';
import { unpackCommand } from './unpack.js';

/** Every CLI command, in the order `iotcop --help` lists them. */
export const COMMANDS: readonly CommandModule[] = [identifyCommand, lsCommand, unpackCommand];
