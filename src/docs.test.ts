import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { COMMANDS } from './cli/commands/index.js';
import { ERROR_CODES } from './model/index.js';
import { captureIo } from './test-support/io.js';
import { REPO_ROOT } from './test-support/corpus.js';

const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

test('the README keeps the two set-up commands', () => {
  assert.match(readme, /npm ci && npm run demo/);
  assert.match(readme, /npm ci && npm test/);
});

test('the README lists every error code', () => {
  for (const code of Object.keys(ERROR_CODES)) assert.ok(readme.includes(`\`${code}\``), `${code} missing from README`);
});

test('the README documents every command and every option', async () => {
  const program = new Command('iotcop');
  for (const c of await Promise.all(COMMANDS.map((entry) => entry.load()))) c.register(program, captureIo(), () => {});
  const walk = (cmd: Command, prefix: string): void => {
    for (const sub of cmd.commands) {
      const name = `${prefix} ${sub.name()}`.trim();
      if (sub.commands.length === 0) assert.ok(readme.includes(`iotcop ${name}`), `command "iotcop ${name}" missing from README`);
      for (const opt of sub.options) {
        if (opt.long === '--help' || opt.long === '--json' || opt.long === '--quiet') continue;
        assert.ok(readme.includes(`\`${opt.long ?? ''}`), `option ${opt.long ?? ''} of "iotcop ${name}" missing from README`);
      }
      walk(sub, name);
    }
  };
  walk(program, '');
});
