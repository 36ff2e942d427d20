import { basename } from 'node:path';
import { Enums, Models, Serialize, Spec } from '@cyclonedx/cyclonedx-library';
import { componentsByTarget, type Component, type TargetComponents } from '../analysis/components/index.js';
import type { FirmwareEvidence } from '../firmware/types.js';
import { collectComponents } from './collect.js';
import { identityOf, occurrencesOf, type IdentityEvidence } from './evidence.js';
import { serialNumberOf } from './serial.js';
import type { SbomComponent, SbomOptions } from './types.js';

type Normalized = Serialize.JSON.Types.Normalized.Bom;
type NormalizedComponent = Serialize.JSON.Types.Normalized.Component;

/** A CycloneDX 1.6 BOM as JSON data: the library's normalised BOM plus the 1.6 evidence it has no model for. */
export type CycloneDxBom = Omit<Normalized, 'components'> & { components?: SbomJsonComponent[] };

export type SbomJsonComponent = Omit<NormalizedComponent, 'evidence'> & {
  evidence?: NonNullable<NormalizedComponent['evidence']> & { identity?: IdentityEvidence[]; occurrences?: { location: string; line?: number; offset?: number }[] };
};

const TYPES: Readonly<Record<Component['type'], Enums.ComponentType>> = {
  application: Enums.ComponentType.Application,
  library: Enums.ComponentType.Library,
  'operating-system': Enums.ComponentType.OperatingSystem,
  firmware: Enums.ComponentType.Firmware,
};

/** What iotcop knows beyond the standard fields, as namespaced properties (CycloneDX property taxonomy style). */
function propertiesOf(c: Component): Models.Property[] {
  const p: [string, string | undefined][] = [
    ['iotcop:upstream-version', c.upstreamVersion !== c.version ? c.upstreamVersion : undefined],
    ['iotcop:osv-ecosystem', c.osv?.ecosystem],
    ['iotcop:osv-name', c.osv?.name],
    ['iotcop:backports', c.backports],
    ['iotcop:busybox-applets', c.applets?.join(' ')],
  ];
  return p.filter((x): x is [string, string] => x[1] !== undefined && x[1] !== '').map(([k, v]) => new Models.Property(k, v));
}

function modelOf(s: SbomComponent, ref: string): Models.Component {
  const c = s.component;
  return new Models.Component(TYPES[c.type], c.name, {
    bomRef: ref,
    ...(c.version !== undefined ? { version: c.version } : {}),
    purl: c.purl,
    ...(c.cpe ? { cpe: c.cpe } : {}),
    properties: new Models.PropertyRepository(propertiesOf(c)),
  });
}

/** The image itself, the subject of the BOM: a firmware component with the image's hash. */
function subjectOf(fw: FirmwareEvidence): Models.Component {
  const directory = fw.log.layers[0]?.format === 'directory';
  const hashes = new Models.HashDictionary();
  if (fw.log.sha256 && !directory) hashes.set(Enums.HashAlgorithm['SHA-256'], fw.log.sha256);
  const props: [string, string][] = [['iotcop:image-size', String(fw.log.size)], ['iotcop:filesystems', fw.filesystems.map((v) => v.layer).join(' ')]];
  if (directory && fw.log.sha256) props.push(['iotcop:listing-sha256', fw.log.sha256]);
  return new Models.Component(Enums.ComponentType.Firmware, basename(fw.image) || fw.image, {
    bomRef: 'image', hashes, properties: new Models.PropertyRepository(props.map(([k, v]) => new Models.Property(k, v))),
  });
}

/** Unique, stable bom-refs: the purl, with a counter when two components share one (they never do after collect). */
function refsOf(list: readonly SbomComponent[]): string[] {
  const seen = new Map<string, number>();
  return list.map((s) => {
    const n = (seen.get(s.component.purl) ?? 0) + 1;
    seen.set(s.component.purl, n);
    return n === 1 ? s.component.purl : `${s.component.purl}#${n}`;
  });
}

/** The CycloneDX 1.6 BOM of an image whose components are already known. */
export function buildSbom(fw: FirmwareEvidence, targets: readonly TargetComponents[], options: SbomOptions): CycloneDxBom {
  const list = collectComponents(targets);
  const refs = refsOf(list);
  const toolRef = `iotcop@${options.toolVersion}`;
  const bom = new Models.Bom({ serialNumber: serialNumberOf(fw.log.sha256, options.toolVersion) });
  if (options.timestamp) bom.metadata.timestamp = options.timestamp;
  bom.metadata.tools.components.add(new Models.Component(Enums.ComponentType.Application, 'iotcop', { version: options.toolVersion, bomRef: toolRef }));
  const subject = subjectOf(fw);
  bom.metadata.component = subject;
  const models = list.map((s, i) => modelOf(s, refs[i]!));
  for (const m of models) {
    bom.components.add(m);
    subject.dependencies.add(m.bomRef);
  }
  // Through JSON once: the normaliser leaves `undefined` members, and the result should be plain data.
  const normalized = JSON.parse(JSON.stringify(new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6).makeForBom().normalize(bom, { sortLists: true }))) as CycloneDxBom;
  // The library sorts with localeCompare (locale-dependent); the order of collectComponents is byte order.
  const order = new Map(refs.map((r, i) => [r, i]));
  normalized.components?.sort((a, b) => (order.get(a['bom-ref'] ?? '') ?? 0) - (order.get(b['bom-ref'] ?? '') ?? 0));
  for (const nc of normalized.components ?? []) {
    const s = list[order.get(nc['bom-ref'] ?? '') ?? -1];
    if (s) nc.evidence = { ...nc.evidence, identity: identityOf(s, toolRef), occurrences: occurrencesOf(s) };
  }
  return normalized;
}

/** Identifies the components of every filesystem of an unpacked image and returns its CycloneDX 1.6 BOM. */
export async function sbomOfImage(fw: FirmwareEvidence, options: SbomOptions): Promise<CycloneDxBom> {
  return buildSbom(fw, await componentsByTarget([fw]), options);
}

/** The BOM as the file is written: two-space JSON and a final newline. */
export function sbomJson(bom: CycloneDxBom): string {
  return `${JSON.stringify(bom, null, 2)}\n`;
}
