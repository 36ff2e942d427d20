import type { Evidence } from '../checks/types.js';
import { compareFindings, SEVERITIES, type Finding, type Severity } from '../model/index.js';
import { REPORT_SCHEMA_VERSION, type CheckRun, type ProvisionResult, type Report, type ReportInput, type ReportProduct } from '../report/types.js';
import { countVerdicts, rollUpCra, rollUpEtsi, rollUpGuidelines, rollUpPriority, rollUpPsti } from './rollup.js';

export interface ReportParts {
  readonly version: string;
  readonly generatedAt: Date;
  readonly inputs: readonly ReportInput[];
  readonly evidence: Evidence;
  readonly provisions: readonly ProvisionResult[];
  readonly findings: readonly Finding[];
  readonly checks: readonly CheckRun[];
  readonly firmware: Report['firmware'];
}

/** Assembles the report with every list in a fixed order, so equal inputs give byte-identical JSON. */
export function buildReport(parts: ReportParts): Report {
  const guidelines = rollUpGuidelines(parts.provisions);
  const findings = [...parts.findings].sort(compareFindings);
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) bySeverity[f.severity] += 1;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'iotcop', version: parts.version },
    generatedAt: parts.generatedAt.toISOString(),
    product: productOf(parts.evidence),
    inputs: parts.inputs,
    summary: {
      provisions: countVerdicts(parts.provisions),
      mandatory: countVerdicts(parts.provisions.filter((p) => p.status === 'M')),
      findings: bySeverity,
    },
    provisions: parts.provisions,
    guidelines,
    priority: rollUpPriority(guidelines),
    etsi: rollUpEtsi(parts.provisions),
    psti: rollUpPsti(parts.provisions),
    cra: rollUpCra(parts.provisions),
    findings,
    checks: [...parts.checks].sort((a, b) => a.id.localeCompare(b.id)),
    firmware: parts.firmware,
  };
}

function productOf(evidence: Evidence): ReportProduct | null {
  const m = evidence.manifest?.manifest.data;
  if (!m) return null;
  return {
    manufacturer: { name: m.manufacturer.name, address: m.manufacturer.address },
    brand: m.product.brand,
    model: m.product.model,
    type: m.product.type,
    ...(m.product.hardwareVersion ? { hardwareVersion: m.product.hardwareVersion } : {}),
    ...(m.product.batch ? { batch: m.product.batch } : {}),
    firmwareVersions: (m.firmware ?? []).map((f) => f.version),
    ...(m.supportPeriod ? { supportPeriodEnd: m.supportPeriod.end } : {}),
  };
}
