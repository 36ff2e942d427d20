// JSON Schema validators for the renderer tests: the report's own schema (draft 2020-12) and the vendored OASIS
// SARIF 2.1.0 schema (draft-04, hence ajv-draft-04).
import { readFileSync } from 'node:fs';
import type { ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import Ajv04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { REPO_ROOT } from '../../test-support/corpus.js';

// Both packages are CommonJS with a default export; under NodeNext the value sits on `.default`.
type AjvLike = Parameters<typeof addFormatsModule.default>[0];
const addFormats = ((addFormatsModule as unknown as { default?: (ajv: AjvLike) => AjvLike }).default
  ?? addFormatsModule) as unknown as (ajv: AjvLike) => AjvLike;
const Ajv04 = ((Ajv04Module as unknown as { default?: typeof Ajv04Module }).default ?? Ajv04Module) as unknown as typeof Ajv04Module.default;

export const SARIF_SCHEMA_FILE = new URL('../sarif/vendor/sarif-schema-2.1.0.json', import.meta.url);

export function sarifValidator(): { schema: Record<string, unknown>; validate: ValidateFunction } {
  const schema = JSON.parse(readFileSync(SARIF_SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv04({ allErrors: true, strict: false });
  addFormats(ajv);
  return { schema, validate: ajv.compile(schema) };
}

export function reportValidator(): ValidateFunction {
  const schema = JSON.parse(readFileSync(`${REPO_ROOT}/schema/report.schema.json`, 'utf8')) as object;
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(schema);
}
