/** How a component was recognised. */
export type IdentifiedBy = 'package-database' | 'version-string' | 'kernel-banner' | 'kernel-modules' | 'file-name';

/** One place a component was seen. */
export interface Occurrence {
  readonly path: string;
  /** Byte offset of the version string in a binary. */
  readonly offset?: number;
  /** 1-based line in a package database. */
  readonly line?: number;
}

/** A software component of an image, with how it was identified and where. */
export interface Component {
  /** Canonical name: the product id for known products (`busybox`), else the package name. */
  readonly name: string;
  /** The known product (see products.ts) this component is, if any. */
  readonly product?: string;
  /** Exact version as found (package version with revision, or the upstream version string). */
  readonly version?: string;
  /** The upstream version (package revision and epoch removed), compared against CPE ranges. */
  readonly upstreamVersion?: string;
  readonly type: 'application' | 'library' | 'operating-system' | 'firmware';
  readonly purl: string;
  /** CPE 2.3 formatted string, when the product has a known CPE. */
  readonly cpe?: string;
  /** `vendor:product` of every CPE the product is known under (NVD renames products over time). */
  readonly cpeProducts: readonly string[];
  /**
   * The OSV ecosystem whose advisories speak for this component (`Debian:12`, `Alpine:v3.19`, `OpenWrt`), with the
   * name OSV keys it by (the source package). Absent for components found by their version strings.
   */
  readonly osv?: { readonly ecosystem: string; readonly name: string };
  readonly identifiedBy: IdentifiedBy;
  /** What was read: the version string, or the package database record. */
  readonly evidence: string;
  readonly occurrences: readonly Occurrence[];
  /**
   * The component was built by a distribution or vendor that patches security fixes into old versions (a
   * package revision, or a distribution named in a version banner): upstream version ranges may not apply.
   */
  readonly backports?: string;
  /** BusyBox: the applets compiled in (undefined when the applet table could not be read). */
  readonly applets?: readonly string[];
}

/** The operating system of a tree, from os-release and friends. */
export interface OsInfo {
  readonly id: string;
  readonly versionId?: string;
  readonly name: string;
  /** OSV ecosystem of its packages (`Debian:12`). */
  readonly ecosystem?: string;
  readonly path: string;
}

/** Everything identified in one filesystem. */
export interface TreeInventory {
  readonly os?: OsInfo;
  /** Sorted by name, then version. */
  readonly components: readonly Component[];
  /** Package databases read (paths), for the report's "how". */
  readonly databases: readonly string[];
  /** Binaries examined for version strings. */
  readonly binariesScanned: number;
}
