import type { Finding, Location } from '../../model/index.js';
import { hostPort, locationText } from '../common/location.js';
import type { Report } from '../types.js';
import type { SarifArtifactLocation, SarifLocation, SarifLogicalLocation, SarifPhysicalLocation, SarifRegion } from './types.js';
import { diskPathUri, imagePathUri } from './uri.js';

/** GitHub code scanning and the SARIF tools resolve this base to the checkout (repository root). */
export const SRCROOT = '%SRCROOT%';

/**
 * Maps report locations to SARIF. Files inside a firmware image hang off one uriBaseId per image (`IMAGE1`,
 * `IMAGE2`... in byte order of the image names), since an image's root has no URI of its own; files on disk
 * (the manifest, the image file itself) are relative to %SRCROOT% or absolute `file:` URIs.
 */
export class LocationMapper {
  readonly imageBases: ReadonlyMap<string, string>;
  private readonly manifests: ReadonlySet<string>;
  /** Where a result without any file location is shown: the first manifest given, else the first input. */
  private readonly anchor: SarifArtifactLocation | undefined;

  constructor(report: Report) {
    this.manifests = new Set(report.inputs.filter((i) => i.kind === 'manifest').map((i) => i.path));
    const images = [...new Set(report.findings.map((f) => f.location).filter((l) => this.insideImage(l)).map((l) => l.image!))];
    images.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    this.imageBases = new Map(images.map((image, i) => [image, `IMAGE${i + 1}`]));
    const first = report.inputs.find((i) => i.kind === 'manifest') ?? report.inputs[0];
    this.anchor = first === undefined ? undefined : diskLocation(first.path);
  }

  /** A path is inside an image when the location names an image that is not one of the manifests. */
  private insideImage(l: Location): boolean {
    return l.image !== undefined && l.path !== undefined && !this.manifests.has(l.image);
  }

  private physical(l: Location): SarifPhysicalLocation | undefined {
    const region = regionOf(l);
    const withRegion = (artifactLocation: SarifArtifactLocation) => (region ? { artifactLocation, region } : { artifactLocation });
    if (l.path !== undefined && this.insideImage(l)) {
      return withRegion({ uri: imagePathUri(l.path), uriBaseId: this.imageBases.get(l.image!)! });
    }
    if (l.path !== undefined) return withRegion(diskLocation(l.path));
    if (l.image !== undefined) return withRegion(diskLocation(l.image));
    return this.anchor === undefined ? undefined : { artifactLocation: this.anchor };
  }

  locationsOf(f: Finding): SarifLocation[] {
    const physical = this.physical(f.location);
    const logical = logicalOf(f.location);
    return [{
      ...(physical ? { physicalLocation: physical } : {}),
      ...(logical.length > 0 ? { logicalLocations: logical } : {}),
      message: { text: locationText(f.location) },
    }];
  }
}

function diskLocation(path: string): SarifArtifactLocation {
  const { uri, relative } = diskPathUri(path);
  return relative ? { uri, uriBaseId: SRCROOT } : { uri };
}

/** Line when known; a byte offset (in the file at `path`, or in the image when there is no path) as well. */
function regionOf(l: Location): SarifRegion | undefined {
  if (l.line === undefined && l.offset === undefined) return undefined;
  return { ...(l.line === undefined ? {} : { startLine: l.line }), ...(l.offset === undefined ? {} : { byteOffset: l.offset }) };
}

/** Network endpoints and URLs have no file: SARIF logical locations of kind `resource`. */
function logicalOf(l: Location): SarifLogicalLocation[] {
  const out: SarifLogicalLocation[] = [];
  if (l.url !== undefined) out.push({ name: l.url, fullyQualifiedName: l.url, kind: 'resource' });
  if (l.host !== undefined || l.port !== undefined) {
    const name = l.host === undefined ? `port ${l.port}` : hostPort(l.host, l.port);
    out.push({ name, fullyQualifiedName: name, kind: 'resource' });
  }
  return out;
}
