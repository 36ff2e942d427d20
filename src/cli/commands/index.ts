import type { CommandModule } from '../command.js';
import { adminCommand } from './admin.js';
import { assessCommand } from './assess.js';
import { catalogueCommand } from './catalogue.js';
import { dbCommand } from './db.js';
import { generateCommand } from './generate.js';
import { identifyCommand } from './identify.js';
import { initCommand } from './init.js';
import { keysCommand } from './keys.js';
import { labelCommand } from './label.js';
import { lsCommand } from './ls.js';
import { retailCommand } from './retail.js';
import { sbomCommand } from './sbom.js';
import { serveCommand } from './serve.js';
import { unpackCommand } from './unpack.js';
import { vulndbCommand } from './vulndb.js';
import { workerCommand } from './worker.js';

/** Every CLI command, in the order `iotcop --help` lists them. */
export const COMMANDS: readonly CommandModule[] = [
  initCommand, assessCommand, catalogueCommand, identifyCommand, lsCommand, unpackCommand, sbomCommand, vulndbCommand, generateCommand, labelCommand, keysCommand,
  serveCommand, workerCommand, dbCommand, adminCommand, retailCommand,
];
