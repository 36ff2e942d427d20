import type { Component } from '../analysis/components/index.js';

/** What the SBOM says about the tool and the moment; everything else comes from the image. */
export interface SbomOptions {
  /** iotcop's version, recorded as the tool and folded into the serial number. */
  readonly toolVersion: string;
  /** `metadata.timestamp`; absent: no timestamp (the output is then a function of the image alone). */
  readonly timestamp?: Date;
}

/** One component of the image with every place it was found, across the image's filesystems. */
export interface SbomComponent {
  readonly component: Component;
  /** Where: a path in the image, prefixed with the layer id when the image has several filesystems. */
  readonly occurrences: readonly { readonly location: string; readonly line?: number; readonly offset?: number }[];
  /** How, one entry per way the component was recognised (a package database and a version string...). */
  readonly identifiedBy: readonly { readonly how: Component['identifiedBy']; readonly evidence: string }[];
}
