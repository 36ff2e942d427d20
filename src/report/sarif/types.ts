/** The subset of the SARIF 2.1.0 object model (OASIS, errata 01) that iotcop writes. */

export type SarifLevel = 'none' | 'note' | 'warning' | 'error';

export interface SarifMessage {
  readonly text: string;
  readonly markdown?: string;
}

export interface SarifArtifactLocation {
  readonly uri?: string;
  readonly uriBaseId?: string;
  readonly description?: SarifMessage;
}

export interface SarifRegion {
  readonly startLine?: number;
  readonly byteOffset?: number;
}

export interface SarifPhysicalLocation {
  readonly artifactLocation: SarifArtifactLocation;
  readonly region?: SarifRegion;
}

export interface SarifLogicalLocation {
  readonly name: string;
  readonly fullyQualifiedName?: string;
  readonly kind: string;
}

export interface SarifLocation {
  readonly physicalLocation?: SarifPhysicalLocation;
  readonly logicalLocations?: readonly SarifLogicalLocation[];
  readonly message?: SarifMessage;
}

export type SarifProperties = Readonly<Record<string, unknown>>;

export interface SarifRule {
  readonly id: string;
  readonly name: string;
  readonly shortDescription: SarifMessage;
  readonly fullDescription: SarifMessage;
  readonly help: SarifMessage;
  readonly properties: SarifProperties;
}

export interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: SarifLevel;
  readonly message: SarifMessage;
  readonly locations: readonly SarifLocation[];
  readonly partialFingerprints: Readonly<Record<string, string>>;
  readonly properties: SarifProperties;
}

export interface SarifNotification {
  readonly level: SarifLevel;
  readonly message: SarifMessage;
  readonly associatedRule: { readonly id: string; readonly index: number };
}

export interface SarifArtifact {
  readonly location: SarifArtifactLocation;
  readonly length?: number;
  readonly hashes?: Readonly<Record<string, string>>;
  readonly roles: readonly string[];
  readonly properties: SarifProperties;
}

export interface SarifRun {
  readonly tool: {
    readonly driver: {
      readonly name: string;
      readonly version: string;
      readonly semanticVersion?: string;
      readonly informationUri: string;
      readonly rules: readonly SarifRule[];
    };
  };
  readonly invocations: readonly {
    readonly executionSuccessful: boolean;
    readonly endTimeUtc: string;
    readonly toolExecutionNotifications: readonly SarifNotification[];
  }[];
  readonly originalUriBaseIds?: Readonly<Record<string, SarifArtifactLocation>>;
  readonly artifacts: readonly SarifArtifact[];
  readonly results: readonly SarifResult[];
  readonly properties: SarifProperties;
}

export interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly SarifRun[];
}
