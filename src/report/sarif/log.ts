import type { Finding } from '../../model/index.js';
import type { Report } from '../types.js';
import { LocationMapper, SRCROOT } from './locations.js';
import { levelOf, rulesOf } from './rules.js';
import type { SarifArtifact, SarifLog, SarifNotification, SarifResult, SarifRule } from './types.js';
import { diskPathUri } from './uri.js';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const INFORMATION_URI = 'https://iotcop.dev/';
/** Key of the partial fingerprint: the finding id is already a stable hash of check + location. */
export const FINGERPRINT_KEY = 'iotcopFindingId/v1';

function message(f: Finding): string {
  const title = f.title.trimEnd();
  return /[.!?]$/.test(title) ? `${title} ${f.detail}` : `${title}. ${f.detail}`;
}

function resultOf(f: Finding, ruleIndex: ReadonlyMap<string, number>, locations: LocationMapper): SarifResult {
  return {
    ruleId: f.check,
    ruleIndex: ruleIndex.get(f.check)!,
    level: levelOf(f),
    message: { text: message(f) },
    locations: locations.locationsOf(f),
    partialFingerprints: { [FINGERPRINT_KEY]: f.id },
    properties: {
      findingId: f.id,
      provisions: f.provisions,
      verdict: f.verdict,
      severity: f.severity,
      evidence: f.evidence,
      remediation: f.remediation,
      location: f.location,
    },
  };
}

function notifications(report: Report, ruleIndex: ReadonlyMap<string, number>): SarifNotification[] {
  return report.checks.filter((c) => c.status !== 'ran').map((c) => ({
    level: c.status === 'error' ? 'error' : 'note',
    message: { text: `Check ${c.id} ${c.status === 'error' ? 'failed' : 'was skipped'}: ${c.reason ?? 'no reason given'}.` },
    associatedRule: { id: c.id, index: ruleIndex.get(c.id)! },
  }));
}

function artifacts(report: Report): SarifArtifact[] {
  return report.inputs.map((input) => {
    const { uri, relative } = diskPathUri(input.path);
    return {
      location: relative ? { uri, uriBaseId: SRCROOT } : { uri },
      ...(input.size === undefined ? {} : { length: input.size }),
      ...(input.sha256 === undefined ? {} : { hashes: { 'sha-256': input.sha256 } }),
      roles: ['analysisTarget'],
      properties: { kind: input.kind },
    };
  });
}

function originalUriBaseIds(locations: LocationMapper) {
  const entries = [...locations.imageBases].map(([image, base]) => [base, { description: { text: `Root of the file system unpacked from firmware image ${image}` } }] as const);
  return entries.length === 0 ? {} : { originalUriBaseIds: Object.fromEntries(entries) };
}

/**
 * The SARIF log: one run, one rule per check, one result per finding that did not pass. Passing findings are left
 * out because code-scanning UIs show every result as an alert; their ids are listed in `run.properties`.
 */
export function buildSarif(report: Report): SarifLog {
  const rules: SarifRule[] = rulesOf(report);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const locations = new LocationMapper(report);
  const semver = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(report.tool.version);
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'iotcop', version: report.tool.version, ...(semver ? { semanticVersion: report.tool.version } : {}), informationUri: INFORMATION_URI, rules } },
      invocations: [{
        executionSuccessful: !report.checks.some((c) => c.status === 'error'),
        endTimeUtc: report.generatedAt,
        toolExecutionNotifications: notifications(report, ruleIndex),
      }],
      ...originalUriBaseIds(locations),
      artifacts: artifacts(report),
      results: report.findings.filter((f) => f.verdict !== 'pass').map((f) => resultOf(f, ruleIndex, locations)),
      properties: {
        reportSchemaVersion: report.schemaVersion,
        verdicts: { etsi: report.etsi.verdict, psti: report.psti.verdict, priority: report.priority.verdict },
        passedFindings: report.findings.filter((f) => f.verdict === 'pass').map((f) => f.id),
      },
    }],
  };
}
