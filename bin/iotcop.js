#!/usr/bin/env node
// Entry point: the compiled and bundled CLI lives in dist/bundle/ (built by `npm run build`, which `npm ci` runs via
// `prepare`; scripts/bundle.mjs says why it is bundled).
import { main } from '../dist/bundle/iotcop.js';

// A reader that stops early (`iotcop ls image | head`) closes the pipe: stop quietly, as Unix tools do.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv);
