import type { CommandModule } from '../command.js';
import { assessCommand } from './assess.js';
import { catalogueCommand } from './catalogue.js';
import { initCommand } from './init.js';

/** Every CLI command, in the order `iotcop --help` lists them. */
export const COMMANDS: readonly CommandModule[] = [initCommand, assessCommand, catalogueCommand];
