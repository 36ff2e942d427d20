import type { ProvisionId } from '../catalogue/index.js';
import { CHECKS } from '../checks/registry.js';
import type { Check, Evidence } from '../checks/types.js';
import { sha256File } from '../model/index.js';
import type { Report, ReportInput } from '../report/types.js';
import type { VulnDbSettings } from '../vulndb/index.js';
import { buildReport } from './build-report.js';
import { summarizeFirmware } from './firmware-summary.js';
import { classifyInputs, type ClassifiedInput } from './inputs.js';
import { PROVIDERS } from './providers/registry.js';
import type { EvidenceProvider, FirmwareOptions, WebOptions } from './providers/types.js';
import { resolveProvisions } from './resolve.js';
import { runChecks } from './run-checks.js';

export interface ProgressEvent {
  readonly step: 'inputs' | 'evidence' | 'checks' | 'verdicts';
  readonly message: string;
}

export interface AssessOptions {
  /** Manifests, firmware images and extracted root filesystem directories. */
  readonly inputs: readonly string[];
  /** Checks to run instead of the built-in ones. */
  readonly checks?: readonly Check[];
  /** Checks to run in addition to the built-in ones (third-party plug-ins). */
  readonly extraChecks?: readonly Check[];
  readonly providers?: readonly EvidenceProvider[];
  /** The date verdicts are computed for (support period expiry...). Defaults to now. */
  readonly now?: Date;
  /** Inputs come from someone else: paths inside a manifest must stay inside its folder. */
  readonly untrusted?: boolean;
  /** Published pages: fetched (`online`), read from a snapshot folder, or not looked at (default `off`). */
  readonly web?: WebOptions;
  /** Unpacking limits and depth for firmware images. */
  readonly firmware?: FirmwareOptions;
  /** The offline vulnerability database and how old its data may be. */
  readonly vulndb?: VulnDbSettings;
  readonly signal?: AbortSignal;
  readonly onProgress?: (event: ProgressEvent) => void;
  /** Tool version stamped in the report. */
  readonly version?: string;
}

/** Runs a whole assessment: collect evidence, run checks, resolve one verdict per provision, roll up, report. */
export async function assess(options: AssessOptions): Promise<Report> {
  const signal = options.signal ?? new AbortController().signal;
  const now = options.now ?? new Date();
  const progress = (step: ProgressEvent['step'], message: string) => options.onProgress?.({ step, message });

  progress('inputs', 'looking at the inputs');
  const inputs = await classifyInputs(options.inputs);
  let evidence: Evidence = { unavailable: {} };
  for (const provider of options.providers ?? PROVIDERS) {
    signal.throwIfAborted();
    evidence = await provider.collect(inputs, evidence, { signal, untrusted: options.untrusted ?? false, ...(options.web ? { web: options.web } : {}), ...(options.firmware ? { firmware: options.firmware } : {}), progress: (m) => progress('evidence', m) });
  }

  const checks = [...(options.checks ?? CHECKS), ...(options.extraChecks ?? [])];
  const outcome = await runChecks(checks, evidence, { now, signal, ...(options.vulndb ? { vulndb: options.vulndb } : {}), progress: (m) => progress('checks', m) });

  progress('verdicts', 'resolving verdicts');
  const skipped = new Map<ProvisionId, string[]>();
  for (const run of outcome.runs.filter((r) => r.status === 'skipped')) {
    for (const id of checks.find((c) => c.id === run.id)?.provisions ?? []) {
      const list = skipped.get(id) ?? [];
      list.push(`${run.id} (${run.reason ?? 'skipped'})`);
      skipped.set(id, list);
    }
  }
  const provisions = resolveProvisions({ evidence, findings: outcome.findings, skipped });
  return buildReport({
    version: options.version ?? 'dev',
    generatedAt: now,
    inputs: await describeInputs(inputs, evidence),
    evidence,
    provisions,
    findings: outcome.findings,
    checks: outcome.runs,
    firmware: summarizeFirmware(evidence.firmware ?? []),
  });
}


async function describeInputs(inputs: readonly ClassifiedInput[], evidence: Evidence): Promise<ReportInput[]> {
  const out: ReportInput[] = [];
  for (const input of inputs) {
    if (input.kind === 'directory') out.push({ path: input.path, kind: 'directory' });
    else if (input.kind === 'manifest' && evidence.manifest) out.push({ path: input.path, kind: 'manifest', sha256: evidence.manifest.manifest.sha256, size: input.size });
    else out.push({ path: input.path, kind: input.kind, sha256: await sha256File(input.path), size: input.size });
  }
  return out;
}

