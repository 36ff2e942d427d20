import type { CommandModule } from '../command.js';
import { assessCommand } from './assess.js';
import { catalogueCommand } from './catalogue.js';
import { generateCommand } from './generate.js';
import { initCommand } from './init.js';
import { keysCommand } from './keys.js';
import { labelCommand } from './label.js';

/** Every CLI command, in the order `iotcop --help` lists them. */
export const COMMANDS: readonly CommandModule[] = [initCommand, assessCommand, catalogueCommand, generateCommand, labelCommand, keysCommand];
