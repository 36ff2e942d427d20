import type { Manifest } from '../manifest/index.js';
import { longDate, type Verdict } from '../model/index.js';
import type { Report } from '../report/types.js';
import { labelIdFor } from './label-id.js';
import type { LabelPayload, VerdictLetter } from './types.js';
import { labelUrl } from './url.js';

/** One line of the label: what it says and the verdict behind it (for its mark). */
export interface LabelLine {
  readonly text: string;
  readonly verdict: Verdict | 'info';
}

export interface LabelFacts {
  readonly payload: LabelPayload;
  /** The QR code's content: `<registry>/p/<lid>?s=<jws>` once signed (see `withSignature`). */
  readonly registry: string;
  readonly product: string;
  readonly manufacturer: string;
  /** The three priority lines (guidelines 1, 2, 3 as PSTI paras 1, 2, 3), then updates, deletion, EN 303 645. */
  readonly lines: readonly LabelLine[];
}

export interface LabelFactsOptions {
  readonly registry: string;
  readonly now: Date;
  readonly issuer?: string;
  readonly expires?: Date;
  readonly lid?: string;
}

const LETTER: Record<Verdict, VerdictLetter> = { pass: 'p', fail: 'f', inconclusive: 'i', 'not-applicable': 'n' };

/** The label's facts from an assessment and its manifest: plain words for people, the compact payload for the QR. */
export function labelFacts(report: Report, manifest: Manifest, options: LabelFactsOptions): LabelFacts {
  const psti = (p: number): Verdict => report.psti.requirements.find((r) => r.paragraph === p)?.verdict ?? 'inconclusive';
  const product = `${manifest.product.brand} ${manifest.product.model}`;
  const spe = manifest.supportPeriod?.end ?? null;
  const iat = Math.floor(options.now.getTime() / 1000);
  const endOfSupport = spe ? Math.floor(Date.parse(`${spe}T23:59:59Z`) / 1000) : iat + 365 * 86400;
  const exp = options.expires ? Math.floor(options.expires.getTime() / 1000) : Math.max(endOfSupport, iat + 86400);
  const issuer = options.issuer ?? manifest.manufacturer.domains?.[0] ?? manifest.manufacturer.name;
  const payload: LabelPayload = {
    v: 1,
    lid: options.lid ?? labelIdFor([issuer, manifest.manufacturer.name, product, manifest.product.hardwareVersion, manifest.product.batch, iat]),
    iss: issuer.slice(0, 64),
    iat, exp,
    mfr: manifest.manufacturer.name.slice(0, 80),
    prd: product.slice(0, 80),
    spe,
    vd: `${LETTER[psti(1)]}${LETTER[psti(2)]}${LETTER[psti(3)]}${LETTER[report.etsi.verdict]}`,
    au: manifest.updates?.automatic ?? null,
  };
  return { payload, registry: options.registry, product, manufacturer: manifest.manufacturer.name, lines: lines(report, manifest, psti) };
}

function lines(report: Report, m: Manifest, psti: (p: number) => Verdict): LabelLine[] {
  const vdp = m.vulnerabilityDisclosure;
  const contact = vdp?.contactEmail ?? stripScheme(vdp?.contactUrl ?? vdp?.policyUrl);
  const spe = m.supportPeriod?.end;
  const word = (v: Verdict, pass: string, other: string) => (v === 'pass' ? pass : `${other}: ${v === 'fail' ? 'requirement not met' : 'not verified'}`);
  const deletion = stripScheme(m.personalData?.deletion?.instructionsUrl) ?? m.personalData?.deletion?.onDevice;
  const etsi = report.etsi;
  const applicable = etsi.mandatory.pass + etsi.mandatory.fail + etsi.mandatory.inconclusive;
  return [
    { text: word(psti(1), 'No universal default password', 'Default passwords'), verdict: psti(1) },
    { text: word(psti(3), spe ? `Security updates until ${longDate(spe)}` : 'Security updates', 'Security update period'), verdict: psti(3) },
    { text: word(psti(2), `Report a security problem: ${contact ?? 'see registry page'}`, 'Reporting security problems'), verdict: psti(2) },
    { text: `Automatic security updates: ${m.updates?.automatic === undefined ? 'not declared' : m.updates.automatic ? 'yes' : 'no'}`, verdict: 'info' },
    { text: `Delete your data: ${deletion ?? 'not declared'}`, verdict: 'info' },
    {
      text: etsi.verdict === 'pass' ? 'ETSI EN 303 645: all mandatory provisions met'
        : etsi.verdict === 'fail' ? `ETSI EN 303 645: ${etsi.mandatory.fail} of ${applicable} mandatory provisions not met`
          : `ETSI EN 303 645: ${etsi.mandatory.inconclusive} of ${applicable} mandatory provisions not yet verified`,
      verdict: etsi.verdict,
    },
  ];
}

function stripScheme(url: string | undefined): string | undefined {
  return url?.replace(/^https:\/\//, '').replace(/\/$/, '');
}

/** The QR content once the payload is signed. */
export function qrContent(facts: LabelFacts, jws: string): string {
  return labelUrl(facts.registry, facts.payload.lid, jws);
}
