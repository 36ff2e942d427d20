// The validator library ships JavaScript with JSDoc only; these are the parts iotcop calls.
declare module '@secvisogram/csaf-validator-lib/validateStrict.js' {
  interface Message { readonly message: string; readonly instancePath: string }
  export interface CsafResult {
    readonly isValid: boolean;
    readonly tests: readonly { readonly name: string; readonly isValid: boolean; readonly errors: readonly Message[]; readonly warnings: readonly Message[] }[];
  }
  export type DocumentTest = (doc: unknown) => unknown;
  export default function validateStrict(tests: readonly DocumentTest[], doc: unknown): Promise<CsafResult>;
}
declare module '@secvisogram/csaf-validator-lib/mandatoryTests.js' {
  import type { DocumentTest } from '@secvisogram/csaf-validator-lib/validateStrict.js';
  const tests: Record<string, DocumentTest>;
  export = tests;
}
declare module '@secvisogram/csaf-validator-lib/schemaTests.js' {
  import type { DocumentTest } from '@secvisogram/csaf-validator-lib/validateStrict.js';
  export const csaf_2_0_strict: DocumentTest;
}
declare module '@secvisogram/csaf-validator-lib/cwe.js' {
  export const weaknesses: readonly { readonly id: string; readonly name: string }[];
}
