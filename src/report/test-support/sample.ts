// Reports for the renderer tests: the bundled example product, assessed for real, and a hostile variant whose
// strings try to break out of every output format.
import { relative } from 'node:path';
import { assess } from '../../assess/engine.js';
import { compareFindings, SEVERITIES, toFinding, type Finding, type FindingDraft, type Severity } from '../../model/index.js';
import { REPO_ROOT } from '../../test-support/corpus.js';
import type { CheckRun, Report } from '../types.js';

export const EXAMPLE_MANIFEST = relative(process.cwd(), `${REPO_ROOT}/examples/smart-plug/iotcop.yaml`);
export const EXAMPLE_NOW = new Date('2026-11-25T12:00:00.000Z');

/** The example smart plug assessed at a fixed date, as `iotcop assess` would. */
export function assessExample(now: Date = EXAMPLE_NOW): Promise<Report> {
  return assess({ inputs: [EXAMPLE_MANIFEST], now, version: '0.1.0' });
}

export const XSS = '<script>alert("x")</script>';
export const ATTR_BREAK = '"><img src=x onerror=alert(1)>\'';

const hostileDrafts: readonly (FindingDraft & { check: string })[] = [
  { check: 'default-passwords', provisions: ['5.1-1'], severity: 'critical', verdict: 'fail',
    title: `${XSS} Shared root password`, detail: `line one\nline two ${ATTR_BREAK}`,
    location: { image: `firmware/${ATTR_BREAK}.bin`, path: `/etc/${XSS}"shadow`, line: 3 },
    evidence: 'root:$1$ab******:0:0 | pipe | ```fence``` ]]> \u202Eevil\u0000nul\r\n=cmd',
    remediation: '=HYPERLINK("http://evil.example","click me"), then rotate' },
  { check: 'embedded-keys', provisions: ['5.4-3'], severity: 'high', verdict: 'fail',
    title: 'Private key in the image', detail: 'PEM block at an offset.', location: { image: 'fw.bin', offset: 4096 },
    evidence: '-----BEGIN RSA PRIVATE KEY----- MIIE******', remediation: '+Move keys to secure storage; @ops' },
  { check: 'embedded-keys', provisions: ['5.6-1', '6-3'], severity: 'medium', verdict: 'inconclusive',
    title: 'Unreadable library', detail: 'Could not parse it.', location: { image: 'fw.bin', path: '/usr/lib/my lib#1?.so', offset: 0x1f0 },
    evidence: 'ELF header truncated', remediation: 'Rebuild with symbols.' },
  { check: 'web-policy', provisions: ['5.2-1'], severity: 'low', verdict: 'fail',
    title: 'Disclosure link is a script', detail: 'The policy URL is not http(s).', location: { url: 'javascript:alert(document.domain)' },
    evidence: 'href=javascript:alert(document.domain)', remediation: 'Publish the policy over HTTPS.' },
  { check: 'web-policy', provisions: ['4-1'], severity: 'info', verdict: 'inconclusive',
    title: 'Policy page unreachable', detail: 'Timed out.', location: { url: 'https://vendor.example/security?a=1&b=<b>' },
    evidence: 'ETIMEDOUT', remediation: 'Check the page is up.' },
  { check: 'open-ports', provisions: ['5.6-2'], severity: 'high', verdict: 'fail',
    title: 'Telnet `open` | exposed', detail: 'Port 23 answers with a login prompt.', location: { host: 'fe80::1', port: 23 },
    evidence: 'login: ', remediation: 'Disable telnetd.' },
  { check: 'open-ports', provisions: ['5.5-1'], severity: 'info', verdict: 'pass',
    title: 'TLS 1.3 only', detail: 'Only TLS 1.3 is offered.', location: { host: '192.0.2.10', port: 443 },
    evidence: 'TLSv1.3', remediation: 'None needed.' },
  { check: 'third-party/<b>x</b>', provisions: ['5.13-1'], severity: 'medium', verdict: 'fail',
    title: 'Plug-in finding', detail: 'From a third-party check.', location: { path: '/abs/path/with space/conf.ini', line: 10 },
    evidence: 'x', remediation: 'y' },
];

const hostileChecks: readonly CheckRun[] = [
  { id: 'default-passwords', title: 'Default passwords', provisions: ['5.1-1', '5.1-2'], status: 'ran', findings: 1 },
  { id: 'embedded-keys', title: 'Keys in the image', provisions: ['5.4-3'], status: 'ran', findings: 2 },
  { id: 'open-ports', title: 'Open ports', provisions: ['5.6-1'], status: 'skipped', reason: `host unreachable ${XSS}`, findings: 2 },
  { id: 'third-party/<b>x</b>', title: `<i>Third</i> party ${ATTR_BREAK}`, provisions: [], status: 'error', reason: 'crashed: TypeError', findings: 1 },
  { id: 'web-policy', title: 'Published policy', provisions: ['5.2-1'], status: 'ran', findings: 2 },
];

/** `base` with findings, checks, inputs and product strings that attack HTML, Markdown, CSV and SARIF. */
export function hostileReport(base: Report): Report {
  const added: Finding[] = hostileDrafts.map(({ check, ...draft }) => toFinding(check, draft));
  const findings = [...base.findings, ...added].sort(compareFindings);
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length])) as Record<Severity, number>;
  const provisions = base.provisions.map((p) => {
    const mine = added.filter((f) => f.provisions.includes(p.id)).map((f) => f.id);
    const justification = p.id === '5.1-1' ? `${p.justification} ${XSS} | a|b` : p.justification;
    return mine.length === 0 && justification === p.justification ? p : { ...p, justification, findings: [...p.findings, ...mine] };
  });
  return {
    ...base,
    product: base.product && {
      ...base.product,
      manufacturer: { name: `${XSS} & Sons | Ltd`, address: `1 ${ATTR_BREAK} Street` },
      model: `SP-200${ATTR_BREAK}`,
    },
    inputs: [...base.inputs, { path: `firmware/${ATTR_BREAK}.bin`, kind: 'firmware', sha256: 'a'.repeat(64), size: 1024 }],
    summary: { ...base.summary, findings: bySeverity },
    provisions,
    findings,
    checks: [...base.checks.filter((c) => !hostileChecks.some((h) => h.id === c.id)), ...hostileChecks].sort((a, b) => a.id.localeCompare(b.id)),
    firmware: [{
      image: `firmware/${ATTR_BREAK}.bin`, sha256: 'a'.repeat(64), size: 1024, filesystems: 1, entries: 12,
      layers: [{ id: 'L0', format: 'squashfs', offset: 64, length: 900, error: `bad block ${XSS}` }],
      opaqueRegions: [{ offset: 960, length: 64, entropy: 7.93 }],
    }],
  };
}
