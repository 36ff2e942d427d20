import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Report } from '../types.js';
import { assessExample, EXAMPLE_MANIFEST, hostileReport } from '../test-support/sample.js';
import { sarifValidator } from '../test-support/validators.js';
import { sarifRenderer } from './index.js';
import { FINGERPRINT_KEY, SARIF_SCHEMA_URI } from './log.js';
import { levelOf } from './rules.js';
import type { SarifLog, SarifResult } from './types.js';
import { diskPathUri, imagePathUri } from './uri.js';

// The official OASIS SARIF 2.1.0 schema (errata 01), vendored: see vendor/README.md.
const { schema, validate } = sarifValidator();

function assertValid(log: unknown): void {
  const ok = validate(log);
  assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
}

let example: Report;
let hostile: Report;
const render = (r: Report) => JSON.parse(sarifRenderer.render(r)) as SarifLog;
before(async () => {
  example = await assessExample();
  hostile = hostileReport(example);
});

test('the vendored schema is the OASIS SARIF 2.1.0 schema and rejects broken logs', () => {
  assert.equal(schema.id, SARIF_SCHEMA_URI);
  assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ ruleId: 'r' }] }] }), false, 'a result needs a message');
  assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] }), false);
  assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a b' } } }] }] }] }), false, 'a uri must be a URI reference');
});

test('the example and the hostile report validate against the SARIF 2.1.0 schema', () => {
  assertValid(render(example));
  assertValid(render(hostile));
});

test('one run with the driver, one rule per check id and the provisions it informs', () => {
  const log = render(hostile);
  assert.equal(log.runs.length, 1);
  const driver = log.runs[0]!.tool.driver;
  assert.equal(driver.name, 'iotcop');
  assert.equal(driver.version, '0.1.0');
  assert.equal(driver.semanticVersion, '0.1.0');
  const checkIds = [...new Set([...hostile.checks.map((c) => c.id), ...hostile.findings.map((f) => f.check)])].sort();
  assert.deepEqual(driver.rules.map((r) => r.id), checkIds);
  const keys = driver.rules.find((r) => r.id === 'embedded-keys')!;
  assert.deepEqual(keys.properties.provisions, ['5.4-3', '5.6-1', '6-3']);
  assert.equal(keys.properties['security-severity'], '8.0');
  assert.equal(keys.help.text, ['+Move keys to secure storage; @ops', 'Rebuild with symbols.'].join('\n\n'));
  assert.equal(log.runs[0]!.invocations[0]!.executionSuccessful, false, 'a crashed check makes the run unsuccessful');
  const expected = hostile.checks.filter((c) => c.status !== 'ran').map((c) => [c.id, c.status === 'error' ? 'error' : 'note']).sort();
  assert.deepEqual(log.runs[0]!.invocations[0]!.toolExecutionNotifications.map((n) => [n.associatedRule.id, n.level]).sort(), expected);
  assert.ok(expected.some(([id, level]) => id === 'third-party/<b>x</b>' && level === 'error'));
});

test('levels map severity and verdict; passing findings are not results', () => {
  assert.equal(levelOf({ verdict: 'fail', severity: 'critical' }), 'error');
  assert.equal(levelOf({ verdict: 'fail', severity: 'high' }), 'error');
  assert.equal(levelOf({ verdict: 'fail', severity: 'medium' }), 'warning');
  assert.equal(levelOf({ verdict: 'fail', severity: 'low' }), 'note');
  assert.equal(levelOf({ verdict: 'fail', severity: 'info' }), 'note');
  assert.equal(levelOf({ verdict: 'inconclusive', severity: 'critical' }), 'note');
  const run = render(hostile).runs[0]!;
  const passed = hostile.findings.filter((f) => f.verdict === 'pass').map((f) => f.id);
  assert.equal(passed.length, 1);
  assert.equal(run.results.length, hostile.findings.length - passed.length);
  assert.deepEqual(run.properties.passedFindings, passed);
  for (const r of run.results) {
    const f = hostile.findings.find((x) => x.id === r.partialFingerprints[FINGERPRINT_KEY])!;
    assert.equal(r.ruleId, f.check);
    assert.equal(run.tool.driver.rules[r.ruleIndex]!.id, f.check);
    assert.equal(r.level, levelOf(f));
    assert.deepEqual(r.properties.provisions, f.provisions);
    assert.equal(r.properties.evidence, f.evidence);
    assert.equal(r.properties.verdict, f.verdict);
  }
});

function resultFor(log: SarifLog, title: string): SarifResult {
  const f = hostile.findings.find((x) => x.title.includes(title))!;
  return log.runs[0]!.results.find((r) => r.partialFingerprints[FINGERPRINT_KEY] === f.id)!;
}

test('firmware paths hang off one uriBaseId per image, with line and byte offset', () => {
  const log = render(hostile);
  const bases = log.runs[0]!.originalUriBaseIds!;
  assert.deepEqual(Object.keys(bases), ['IMAGE1', 'IMAGE2']);
  assert.equal(bases.IMAGE1!.uri, undefined, 'an image root has no URI of its own');
  const shadow = resultFor(log, 'Shared root password').locations[0]!.physicalLocation!;
  assert.deepEqual(shadow.artifactLocation, { uri: 'etc/%3Cscript%3Ealert(%22x%22)%3C/script%3E%22shadow', uriBaseId: 'IMAGE1' });
  assert.deepEqual(shadow.region, { startLine: 3 });
  const lib = resultFor(log, 'Unreadable library').locations[0]!.physicalLocation!;
  assert.deepEqual(lib, { artifactLocation: { uri: 'usr/lib/my%20lib%231%3F.so', uriBaseId: 'IMAGE2' }, region: { byteOffset: 0x1f0 } });
  const key = resultFor(log, 'Private key').locations[0]!.physicalLocation!;
  assert.deepEqual(key, { artifactLocation: { uri: 'fw.bin', uriBaseId: '%SRCROOT%' }, region: { byteOffset: 4096 } });
  const plugin = resultFor(log, 'Plug-in finding').locations[0]!.physicalLocation!;
  assert.deepEqual(plugin, { artifactLocation: { uri: 'file:///abs/path/with%20space/conf.ini' }, region: { startLine: 10 } });
});

test('manifest lines are physical; URLs and host:port are logical locations anchored on the manifest', () => {
  const log = render(hostile);
  const manifestFinding = example.findings[0]!;
  const onManifest = log.runs[0]!.results.find((r) => r.partialFingerprints[FINGERPRINT_KEY] === manifestFinding.id)!;
  assert.deepEqual(onManifest.locations[0]!.physicalLocation, {
    artifactLocation: { uri: diskPathUri(EXAMPLE_MANIFEST).uri, uriBaseId: '%SRCROOT%' }, region: { startLine: manifestFinding.location.line! },
  });
  const telnet = resultFor(log, 'Telnet').locations[0]!;
  assert.deepEqual(telnet.logicalLocations, [{ name: '[fe80::1]:23', fullyQualifiedName: '[fe80::1]:23', kind: 'resource' }]);
  assert.equal(telnet.physicalLocation!.artifactLocation.uri, diskPathUri(EXAMPLE_MANIFEST).uri);
  const script = resultFor(log, 'Disclosure link').locations[0]!;
  assert.equal(script.logicalLocations![0]!.name, 'javascript:alert(document.domain)');
});

test('URIs are percent-encoded RFC 3986 references', () => {
  assert.equal(imagePathUri('/'), '.');
  assert.equal(imagePathUri('/a b/c#d?e%f/\u00e9'), 'a%20b/c%23d%3Fe%25f/%C3%A9');
  assert.deepEqual(diskPathUri('C:\\fw\\img 1.bin'), { uri: 'file:///C:/fw/img%201.bin', relative: false });
  assert.deepEqual(diskPathUri('./a:b/x.yaml'), { uri: 'a%3Ab/x.yaml', relative: true });
  assert.deepEqual(diskPathUri('../up.yaml'), { uri: '../up.yaml', relative: true });
});

test('report.sarif is deterministic', () => {
  assert.equal(sarifRenderer.render(hostile), sarifRenderer.render(hostile));
});
