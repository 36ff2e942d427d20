import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureIo } from '../test-support/io.js';
import { REPO_ROOT } from '../test-support/corpus.js';
import { writeManifest } from '../test-support/manifest.js';
import { Command } from 'commander';
import { COMMANDS, commandList, loadCommands } from './commands/index.js';
import { main } from './main.js';

const EXAMPLE = join(REPO_ROOT, 'examples', 'smart-plug', 'iotcop.yaml');
const run = async (args: string[], overrides = {}) => {
  const io = captureIo(overrides);
  const code = await main(['node', 'iotcop', ...args], io);
  return { code, out: io.stdout(), err: io.stderr() };
};

test('assess exits 1 when a provision fails, 0 with --fail-on never', async () => {
  assert.equal((await run(['assess', EXAMPLE, '--now', '2026-11-25', '--quiet'])).code, 1);
  assert.equal((await run(['assess', EXAMPLE, '--now', '2026-11-25', '--fail-on', 'never', '--quiet'])).code, 0);
});

test('--fail-on inconclusive is stricter; a clean manifest with nothing failing exits 0 at fail', async () => {
  const path = writeManifest({ supportPeriod: { end: '2031-01-01', url: 'https://e.com/s' }, vulnerabilityDisclosure: { contactEmail: 'a@e.com', policyUrl: 'https://e.com/p', acknowledgeWithinDays: 3, statusUpdateEveryDays: 14 } });
  assert.equal((await run(['assess', path, '--quiet'])).code, 0);
  assert.equal((await run(['assess', path, '--quiet', '--fail-on', 'inconclusive'])).code, 1);
});

test('--json prints the report and nothing else on stdout', async () => {
  const { out, code } = await run(['assess', EXAMPLE, '--json', '--fail-on', 'never']);
  assert.equal(code, 0);
  const report = JSON.parse(out) as { provisions: unknown[]; tool: { name: string } };
  assert.equal(report.provisions.length, 68);
  assert.equal(report.tool.name, 'iotcop');
});

test('the summary names the product and the headline verdicts, without colour when not a TTY', async () => {
  const { out } = await run(['assess', EXAMPLE, '--fail-on', 'never']);
  assert.match(out, /Brightwatt SP-200/);
  assert.match(out, /EN 303 645 +fail/);
  assert.match(out, /PSTI +pass/);
  assert.ok(!out.includes('\u001b['), 'no ANSI colour codes');
});

test('--out-dir writes every report format', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'iotcop-out-'));
  await run(['assess', EXAMPLE, '--out-dir', dir, '--quiet', '--fail-on', 'never']);
  assert.ok(existsSync(join(dir, 'report.json')));
  assert.equal((JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { schemaVersion: string }).schemaVersion, '1.0.0');
});

test('a bad manifest is exit 2 with file:line:column, never a stack trace', async () => {
  const path = writeManifest({ product: { brand: 'B', modle: 'X', type: 't' } as never });
  const { code, err } = await run(['assess', path]);
  assert.equal(code, 2);
  assert.match(err, /ERR_MANIFEST_INVALID/);
  assert.match(err, /iotcop\.yaml:\d+:\d+: product: unknown property "modle"/);
  assert.doesNotMatch(err, /\n\s+at /);
});

test('errors are JSON with --json', async () => {
  const { code, out } = await run(['assess', '/nonexistent.yaml', '--json']);
  assert.equal(code, 2);
  assert.equal((JSON.parse(out) as { error: { code: string } }).error.code, 'ERR_INPUT_NOT_FOUND');
});

test('usage errors exit 2', async () => {
  assert.equal((await run(['assess'])).code, 2);
  assert.equal((await run(['assess', EXAMPLE, '--fail-on', 'sometimes'])).code, 2);
  assert.equal((await run(['assess', EXAMPLE, '--format', 'pdf'])).code, 2);
  assert.equal((await run(['nonsense'])).code, 2);
});

test('--help and --version exit 0', async () => {
  const help = await run(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.out, /Examples:/);
  assert.equal((await run(['assess', '--help'])).code, 0);
  assert.match((await run(['--version'])).out, /^\d+\.\d+\.\d+/);
});

test('only the modules an invocation needs are loaded', async () => {
  const argv = (...args: string[]) => ['node', 'iotcop', ...args];
  assert.equal((await loadCommands(argv('--version'))).length, 0);
  assert.equal((await loadCommands(argv('-V'))).length, 0);
  assert.equal((await loadCommands(argv('unpack', 'img', '-o', 'out'))).length, 1);
  assert.equal((await loadCommands(argv('unpack', '--version'))).length, 1);
  assert.equal((await loadCommands(argv('help', 'unpack'))).length, 1);
  for (const top of [argv(), argv('--help'), argv('nonsense'), argv('-h', 'unpack'), argv('help')]) {
    assert.deepEqual(await loadCommands(top), [commandList], top.join(' '));
  }
});

test('the top-level help lists every command exactly as the loaded modules describe them', async () => {
  const io = captureIo();
  const helpOf = (modules: { register: typeof commandList.register }[]) => {
    const program = new Command('iotcop');
    for (const m of modules) m.register(program, io, () => undefined);
    return program.helpInformation();
  };
  const listed = helpOf([commandList]);
  assert.equal(listed, helpOf(await Promise.all(COMMANDS.map((c) => c.load()))));
  for (const c of COMMANDS) assert.ok(listed.includes(c.term), c.name);
  const help = await run(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.out, /assess \[options\] <inputs\.\.\.>/);
  assert.match((await run(['help', 'unpack'])).out, /--deep/);
  assert.match((await run(['lable'])).err, /Did you mean label\?/);
});

test('catalogue prints every standard in every format', async () => {
  for (const standard of ['cop', 'etsi', 'psti', 'cra']) {
    for (const format of ['table', 'json', 'csv', 'md']) {
      const { code, out } = await run(['catalogue', '--standard', standard, '--format', format]);
      assert.equal(code, 0, `${standard} ${format}`);
      assert.ok(out.length > 100, `${standard} ${format}`);
    }
  }
  const csv = (await run(['catalogue', '--format', 'csv'])).out.trimEnd().split('\r\n');
  assert.equal(csv.length, 69);
  assert.equal((JSON.parse((await run(['catalogue', '--json'])).out) as unknown[]).length, 68);
});

test('init writes a valid manifest without asking when not on a terminal, and refuses to overwrite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'iotcop-init-'));
  const out = join(dir, 'iotcop.yaml');
  const first = await run(['init', '--out', out, '--manufacturer', 'Acme Ltd', '--model', 'AC-1', '--support-end', '2031-06-30']);
  assert.equal(first.code, 0);
  assert.match(readFileSync(out, 'utf8'), /model: "AC-1"/);
  assert.equal((await run(['assess', out, '--quiet', '--fail-on', 'never'])).code, 0);
  assert.equal((await run(['init', '--out', out])).code, 2);
  assert.equal((await run(['init', '--out', out, '--force', '--support-end', 'soon'])).code, 2);
});

test('init asks on a terminal', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'iotcop-init-'));
  const asked: string[] = [];
  const answers: Record<string, string> = { 'Model designation as printed on the device': 'TTY-9' };
  const { code } = await run(['init', '--out', join(dir, 'm.yaml')], {
    interactive: true,
    prompt: (q: string, fallback: string) => { asked.push(q); return Promise.resolve(answers[q] ?? fallback); },
  });
  assert.equal(code, 0);
  assert.equal(asked.length, 8);
  assert.match(readFileSync(join(dir, 'm.yaml'), 'utf8'), /model: "TTY-9"/);
});
