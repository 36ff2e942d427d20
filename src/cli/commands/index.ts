import type { CommandModule } from '../command.js';
import { assessCommand } from './assess.js';
import { catalogueCommand } from './catalogue.js';
import { initCommand } from './init.js';
import { adminCommand } from './admin.js';
import { dbCommand } from './db.js';
import { retailCommand } from './retail.js';
import { serveCommand } from './serve.js';
import { workerCommand } from './worker.js';

/** Every CLI command, in the order `iotcop --help` lists them. */
export const COMMANDS: readonly CommandModule[] = [
  initCommand, assessCommand, catalogueCommand, serveCommand, workerCommand, dbCommand, adminCommand, retailCommand,
];
