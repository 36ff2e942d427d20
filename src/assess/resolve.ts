import { CONDITIONS, PROVISIONS, type Provision, type ProvisionId } from '../catalogue/index.js';
import type { CheckedDocument, Evidence } from '../checks/types.js';
import type { Attestation } from '../manifest/index.js';
import type { Finding } from '../model/index.js';
import type { ProvisionResult } from '../report/types.js';

export interface ResolveInput {
  readonly evidence: Evidence;
  readonly findings: readonly Finding[];
  /** Provision -> why checks that could inform it did not run. */
  readonly skipped: ReadonlyMap<ProvisionId, readonly string[]>;
}

const CONDITION_BY_ID = new Map(CONDITIONS.map((c) => [c.id as string, c]));

/** One verdict per provision, following the documented precedence (see src/assess/readme.md). */
export function resolveProvisions(input: ResolveInput): ProvisionResult[] {
  const results = PROVISIONS.filter((p) => p.id !== '4-1').map((p) => resolveOne(p, input));
  return [resolveReporting(input, results), ...results];
}

function resolveOne(p: Provision, input: ResolveInput): ProvisionResult {
  const mine = input.findings.filter((f) => f.provisions.includes(p.id));
  const ids = mine.map((f) => f.id);
  const base = baseOf(p, input.evidence);
  const attestation = input.evidence.manifest?.manifest.data.attestations?.[p.id];
  const docs = input.evidence.manifest?.documents[p.id] ?? [];
  const done = (verdict: ProvisionResult['verdict'], basis: ProvisionResult['basis'], justification: string, findings = ids): ProvisionResult =>
    ({ ...base, verdict, basis, justification, findings });

  // 1. A failing automated check beats everything, including the manufacturer's own statement.
  const fails = mine.filter((f) => f.verdict === 'fail');
  if (fails.length > 0) return done('fail', 'automated', `${count(fails.length, 'failing finding')}: ${titles(fails)}.`);
  // 2. The manufacturer says it is not implemented.
  if (attestation?.status === 'not-implemented') {
    return done('fail', evidenced(docs) ? 'attested-with-evidence' : 'attested', `The manufacturer attests it is not implemented: ${attestation.justification ?? ''}`);
  }
  // 3. The condition does not hold.
  if (base.condition && base.condition.answer !== null) {
    const c = CONDITION_BY_ID.get(base.condition.id)!;
    if (base.condition.answer !== c.appliesWhen) {
      return done('not-applicable', 'condition', `Does not apply: the manifest answers "${base.condition.answer ? 'yes' : 'no'}" to "${c.question}"`);
    }
  }
  const passes = mine.filter((f) => f.verdict === 'pass');
  const open = mine.filter((f) => f.verdict === 'inconclusive');
  const contradicted = docs.filter((d) => d.state === 'mismatch' || d.state === 'missing');
  const strongAttestation = attestation && evidenced(docs) && contradicted.length === 0;
  // 4. Automated passes with nothing left open.
  if (passes.length > 0 && open.length === 0) return done('pass', 'automated', `${count(passes.length, 'check')} examined it and found it met: ${titles(passes)}.`);
  // 5. An attestation backed by verified documents.
  if (strongAttestation) return fromAttestation(attestation, 'attested-with-evidence', docs, done);
  // 6. Automated checks could not settle it.
  if (open.length > 0) return done('inconclusive', 'automated', `${count(open.length, 'open question')}: ${titles(open)}.${attestationNote(attestation, contradicted)}`);
  // 7. The manufacturer's word alone (weaker), unless its documents contradict it.
  if (attestation && contradicted.length > 0) {
    return done('inconclusive', 'attested', `The attestation rests on documents that are missing or changed: ${contradicted.map((d) => d.title).join(', ')}.`);
  }
  if (attestation) return fromAttestation(attestation, 'attested', docs, done);
  // 8. Nothing looked at it.
  const why = input.skipped.get(p.id) ?? [];
  const unanswered = base.condition && base.condition.answer === null ? ` Its condition is not answered in the manifest ("${base.condition.question}"), so it is assumed to apply.` : '';
  return done('inconclusive', 'none', `Not assessed: no check examined it and the manifest has no attestation for it.${why.length ? ` Skipped: ${why.join('; ')}.` : ''}${unanswered}`, []);
}

function fromAttestation(
  a: Attestation,
  basis: 'attested' | 'attested-with-evidence',
  docs: readonly CheckedDocument[],
  done: (v: ProvisionResult['verdict'], b: ProvisionResult['basis'], j: string) => ProvisionResult,
): ProvisionResult {
  const backing = basis === 'attested-with-evidence' ? ` Evidence verified by sha256: ${docs.filter((d) => d.state === 'verified').map((d) => d.title).join(', ')}.` : ' No evidence document with a verified hash backs it.';
  if (a.status === 'not-applicable') return done('not-applicable', basis, `The manufacturer attests it does not apply: ${a.justification ?? ''}${backing}`);
  return done('pass', basis, `The manufacturer attests it is implemented${a.justification ? `: ${a.justification}` : '.'}${backing}`);
}

function evidenced(docs: readonly CheckedDocument[]): boolean {
  return docs.some((d) => d.state === 'verified');
}

function attestationNote(a: Attestation | undefined, contradicted: readonly CheckedDocument[]): string {
  if (!a) return '';
  if (contradicted.length > 0) return ` The attestation's documents are missing or changed (${contradicted.map((d) => d.title).join(', ')}).`;
  return ` The manufacturer attests "${a.status}" without verified evidence, which does not settle it.`;
}

function baseOf(p: Provision, evidence: Evidence): Omit<ProvisionResult, 'verdict' | 'basis' | 'justification' | 'findings'> {
  const common = { id: p.id, clause: p.clause, status: p.status, gist: p.gist };
  if (!p.condition) return common;
  const c = CONDITION_BY_ID.get(p.condition)!;
  const answer = evidence.manifest?.manifest.data.conditions?.[p.condition];
  return { ...common, condition: { id: p.condition, question: c.question, answer: answer ?? null } };
}

/** 4-1: every recommendation that is not met or not applicable must carry a justification. */
function resolveReporting(input: ResolveInput, others: readonly ProvisionResult[]): ProvisionResult {
  const p = PROVISIONS[0];
  const base = { id: p.id, clause: p.clause, status: p.status, gist: p.gist, findings: [] };
  const attestations = input.evidence.manifest?.manifest.data.attestations ?? {};
  const recommendations = others.filter((r) => r.status === 'R');
  const missing = recommendations.filter((r) => r.verdict === 'fail' && !attestations[r.id]?.justification).map((r) => r.id);
  const open = recommendations.filter((r) => r.verdict === 'inconclusive');
  if (missing.length > 0) {
    return { ...base, verdict: 'fail', basis: 'derived', justification: `Recommendations not met without a documented justification: ${missing.join(', ')}.` };
  }
  if (open.length > 0) {
    return { ...base, verdict: 'inconclusive', basis: 'derived', justification: `Whether ${count(open.length, 'recommendation')} ${open.length === 1 ? 'is' : 'are'} met is not known yet (${open.map((r) => r.id).join(', ')}), so it cannot be said that every unmet one is justified.` };
  }
  return { ...base, verdict: 'pass', basis: 'derived', justification: `All ${recommendations.length} recommendations are met, or not applicable/not met with a documented justification.` };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function titles(findings: readonly Finding[]): string {
  const shown = findings.slice(0, 3).map((f) => f.title).join('; ');
  return findings.length > 3 ? `${shown}; and ${findings.length - 3} more` : shown;
}
