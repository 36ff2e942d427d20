import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

export const LABEL_PAYLOAD_SCHEMA_URL = new URL('../../schema/label-payload.schema.json', import.meta.url);
export const REVOCATIONS_SCHEMA_URL = new URL('../../schema/label-revocations.schema.json', import.meta.url);

const compiled = new Map<string, ValidateFunction>();

function validator(url: URL): ValidateFunction {
  let v = compiled.get(url.href);
  if (!v) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    v = ajv.compile(JSON.parse(readFileSync(url, 'utf8')) as object);
    compiled.set(url.href, v);
  }
  return v;
}

/** Problems of `data` against a schema, as `path: message` strings (empty when valid). */
function problems(url: URL, data: unknown): string[] {
  const validate = validator(url);
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '(top)'}: ${e.message ?? e.keyword}`);
}

export const labelPayloadProblems = (data: unknown): string[] => problems(LABEL_PAYLOAD_SCHEMA_URL, data);
export const revocationListProblems = (data: unknown): string[] => problems(REVOCATIONS_SCHEMA_URL, data);
