// The validator library ships JavaScript with JSDoc only; these are the parts iotcop calls.
declare module '@secvisogram/csaf-validator-lib/cwe.js' {
  export const weaknesses: readonly { readonly id: string; readonly name: string }[];
}
