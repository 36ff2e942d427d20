import type { ConditionId, ProvisionId } from '../catalogue/index.js';

// TypeScript view of schema/manifest.schema.json (kept in step by manifest.test.ts).

export interface EvidenceDocument {
  readonly title: string;
  readonly path?: string;
  readonly url?: string;
  readonly sha256?: string;
}

export type AttestationStatus = 'implemented' | 'not-implemented' | 'not-applicable';

export interface Attestation {
  readonly status: AttestationStatus;
  readonly justification?: string;
  readonly evidence?: readonly EvidenceDocument[];
}

export interface FirmwareEntry {
  readonly version: string;
  readonly image?: string;
  readonly sha256?: string;
  readonly released?: string;
}

export interface Manifest {
  readonly schemaVersion: 1;
  readonly manufacturer: {
    readonly name: string;
    readonly address: string;
    readonly website?: string;
    readonly domains?: readonly string[];
  };
  readonly product: {
    readonly brand: string;
    readonly model: string;
    readonly type: string;
    readonly hardwareVersion?: string;
    readonly batch?: string;
    readonly gtin?: string;
    readonly modelLabelEvidence?: string;
  };
  readonly firmware?: readonly FirmwareEntry[];
  readonly supportPeriod?: { readonly end: string; readonly url?: string };
  readonly vulnerabilityDisclosure?: {
    readonly policyUrl?: string;
    readonly contactEmail?: string;
    readonly contactUrl?: string;
    readonly securityTxtUrl?: string;
    readonly acknowledgeWithinDays?: number;
    readonly statusUpdateEveryDays?: number;
  };
  readonly updates?: { readonly automatic?: boolean; readonly userNotification?: string; readonly mechanism?: string };
  readonly personalData?: {
    readonly processed?: readonly { category: string; purpose: string; sensitive?: boolean; sharedWith?: readonly string[] }[];
    readonly sensors?: readonly string[];
    readonly telemetry?: { readonly collected?: boolean; readonly data?: readonly string[]; readonly purpose?: string };
    readonly deletion?: { readonly onDevice?: string; readonly fromServices?: string; readonly instructionsUrl?: string };
    readonly privacyNoticeUrl?: string;
  };
  readonly companionApps?: readonly { name: string; platform: 'android' | 'ios' | 'web' | 'desktop'; id?: string; url?: string }[];
  readonly cloudEndpoints?: readonly {
    host: string;
    port?: number;
    protocol?: 'https' | 'mqtts' | 'wss' | 'coaps' | 'ntp' | 'dns' | 'http' | 'mqtt' | 'other';
    purpose?: string;
  }[];
  readonly conditions?: Partial<Record<ConditionId, boolean>>;
  readonly attestations?: Partial<Record<ProvisionId, Attestation>>;
}

/** A manifest read from disk, with what is needed to point at its lines. */
export interface LoadedManifest {
  /** The path as the user gave it (used in messages and finding locations). */
  readonly path: string;
  /** Absolute directory of the manifest; relative paths inside it resolve against this. */
  readonly dir: string;
  readonly sha256: string;
  readonly data: Manifest;
  /** 1-based line and column of the value at a JSON pointer-like path, or of its nearest existing parent. */
  locate(path: readonly (string | number)[]): { line: number; column: number };
}
