import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { closest } from './suggest.js';

// ajv-formats is CommonJS with a default export; under NodeNext the callable sits on `.default`.
type AddFormats = (ajv: Ajv2020) => Ajv2020;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as AddFormats;

export const MANIFEST_SCHEMA_URL = new URL('../../schema/manifest.schema.json', import.meta.url);

/** A schema problem with the path of the offending value and, when it is about a key, the key. */
export interface SchemaProblem {
  readonly path: readonly (string | number)[];
  readonly key?: string;
  readonly message: string;
}

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, verbose: true });
    addFormats(ajv);
    compiled = ajv.compile(JSON.parse(readFileSync(MANIFEST_SCHEMA_URL, 'utf8')) as object);
  }
  return compiled;
}

/** Validates plain data against the manifest schema; returns one readable problem per real error. */
export function validateManifestData(data: unknown): SchemaProblem[] {
  const validate = validator();
  if (validate(data)) return [];
  const problems = (validate.errors ?? []).flatMap((e) => describe(e, data));
  const seen = new Set<string>();
  return problems.filter((p) => {
    const id = `${p.path.join('/')}|${p.key ?? ''}|${p.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function pathOf(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function where(path: readonly (string | number)[]): string {
  return path.length ? path.map((s) => (typeof s === 'number' ? `[${s}]` : s)).join('.').replace(/\.\[/g, '[') : 'the top level';
}

function describe(e: ErrorObject, data: unknown): SchemaProblem[] {
  const path = pathOf(e.instancePath);
  const at = where(path);
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'if':
    case 'anyOf':
      return e.keyword === 'anyOf' ? [{ path, message: `${at}: give either "path" or "url"` }] : [];
    case 'required':
      if (params.missingProperty === 'justification') {
        return [{ ...keyOf(path), message: `${at}: a "justification" is required when the status is not "implemented" (EN 303 645 4-1)` }];
      }
      return [{ ...keyOf(path), message: `${at}: missing required property "${String(params.missingProperty)}"` }];
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = e.parentSchema && typeof e.parentSchema === 'object' && 'properties' in e.parentSchema
        ? Object.keys((e.parentSchema as { properties: object }).properties) : [];
      const guess = closest(key, known);
      const hint = guess ? ` (did you mean "${guess}"?)` : known.length ? ` (known: ${known.join(', ')})` : '';
      return [{ path, key, message: `${at}: unknown property "${key}"${hint}` }];
    }
    case 'propertyNames': {
      const key = String(params.propertyName);
      return [{ path, key, message: `${at}: "${key}" is not an EN 303 645 provision id (see \`iotcop catalogue --standard etsi\`)` }];
    }
    case 'enum':
      if (e.propertyName) return []; // reported once by the propertyNames error
      return [{ path, message: `${at}: must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')} (got ${JSON.stringify(valueAt(data, path))})` }];
    case 'const':
      return [{ path, message: `${at}: must be ${JSON.stringify(params.allowedValue)}` }];
    case 'type':
      return [{ path, message: `${at}: must be ${String(params.type)} (got ${typeName(valueAt(data, path))})` }];
    case 'format':
      return [{ path, message: `${at}: ${JSON.stringify(valueAt(data, path))} is not a valid ${formatName(String(params.format))}` }];
    case 'pattern':
      return [{ path, message: `${at}: ${JSON.stringify(valueAt(data, path))} does not match the expected form ${String(params.pattern)}` }];
    case 'minLength':
      return [{ path, message: `${at}: must be at least ${String(params.limit)} characters long` }];
    default:
      return [{ path, message: `${at}: ${e.message ?? e.keyword}` }];
  }
}

/** Points a problem about a whole mapping at the key that introduces it. */
function keyOf(path: readonly (string | number)[]): { path: readonly (string | number)[]; key?: string } {
  const last = path[path.length - 1];
  return typeof last === 'string' ? { path: path.slice(0, -1), key: last } : { path };
}

function formatName(format: string): string {
  return ({ date: 'date (YYYY-MM-DD)', uri: 'URL (e.g. https://example.com/page)', email: 'e-mail address', hostname: 'host name' } as Record<string, string>)[format] ?? format;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a mapping' : `${typeof value} ${JSON.stringify(value)}`;
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let v = data;
  for (const seg of path) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[seg] : undefined;
  return v;
}
