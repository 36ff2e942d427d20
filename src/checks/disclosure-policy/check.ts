import type { FindingDraft } from '../../model/index.js';
import type { CheckContext } from '../types.js';

export function run(ctx: CheckContext): Promise<FindingDraft[]> {
  const m = ctx.evidence.manifest?.manifest;
  if (!m) return Promise.resolve([]);
  const vdp = m.data.vulnerabilityDisclosure;
  const base = { provisions: ['5.2-1'] as const };
  if (!vdp || (!vdp.contactEmail && !vdp.contactUrl && !vdp.securityTxtUrl && !vdp.policyUrl)) {
    return Promise.resolve([{
      ...base,
      severity: 'high',
      verdict: 'fail',
      title: 'No way to report a security problem',
      detail: 'The manifest declares no vulnerability disclosure contact, policy or security.txt. Anyone who finds a vulnerability has nowhere to report it (PSTI Schedule 1 para 2, EN 303 645 5.2-1).',
      location: { path: m.path, line: m.locate(vdp ? ['vulnerabilityDisclosure'] : []).line },
      evidence: 'vulnerabilityDisclosure: (no contact)',
      remediation: 'Publish a vulnerability disclosure policy with a contact (e-mail or web form), a security.txt, and declare them under `vulnerabilityDisclosure`.',
    }]);
  }
  const findings: FindingDraft[] = [];
  const at = (key: string) => ({ path: m.path, line: m.locate(['vulnerabilityDisclosure', key]).line });
  const missingTimes = [
    vdp.acknowledgeWithinDays === undefined ? 'when a report is acknowledged' : '',
    vdp.statusUpdateEveryDays === undefined ? 'how often status updates follow' : '',
  ].filter(Boolean);
  if (missingTimes.length > 0) {
    findings.push({
      ...base,
      severity: 'medium',
      verdict: 'fail',
      title: 'Disclosure policy does not say when reporters hear back',
      detail: `The declared policy does not say ${missingTimes.join(' or ')}. PSTI Schedule 1 para 2 requires the published information to state when the reporter gets an acknowledgement and status updates.`,
      location: at('acknowledgeWithinDays'),
      evidence: `acknowledgeWithinDays: ${vdp.acknowledgeWithinDays ?? '(absent)'}; statusUpdateEveryDays: ${vdp.statusUpdateEveryDays ?? '(absent)'}`,
      remediation: 'State in the policy how many days until acknowledgement and how often status updates are sent; declare both numbers in the manifest.',
    });
  }
  if (!vdp.contactEmail && !vdp.contactUrl) {
    findings.push({
      ...base,
      severity: 'medium',
      verdict: 'inconclusive',
      title: 'No direct disclosure contact declared',
      detail: 'Only a policy or security.txt address is declared; iotcop cannot tell from the manifest which contact reporters should use.',
      location: at(vdp.policyUrl ? 'policyUrl' : 'securityTxtUrl'),
      evidence: `policyUrl: ${vdp.policyUrl ?? '(absent)'}; securityTxtUrl: ${vdp.securityTxtUrl ?? '(absent)'}`,
      remediation: 'Declare `contactEmail` or `contactUrl` as published in the policy.',
    });
  }
  if (!vdp.policyUrl && !vdp.securityTxtUrl) {
    findings.push({
      ...base,
      severity: 'medium',
      verdict: 'inconclusive',
      title: 'Disclosure policy not shown to be public',
      detail: 'A contact is declared but no public policy page or security.txt, so publication of the policy cannot be checked.',
      location: at(vdp.contactEmail ? 'contactEmail' : 'contactUrl'),
      evidence: `policyUrl: (absent); securityTxtUrl: (absent)`,
      remediation: 'Publish the policy on a public page and declare it as `policyUrl`; serve /.well-known/security.txt.',
    });
  }
  return Promise.resolve(findings);
}
