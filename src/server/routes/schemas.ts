// Shared JSON schemas for the route definitions (and so for the OpenAPI document).

export const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } },
} as const;

/** The error responses every authenticated route can give. */
export const authErrors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema } as const;

export const orgParams = {
  type: 'object', required: ['org'], additionalProperties: false,
  properties: { org: { type: 'string', pattern: '^[a-z0-9-]{1,48}$' } },
} as const;

export const idPattern = '^[a-z]{2,4}_[0-9a-f]{20}$';

export function withId(name: string, pattern = idPattern) {
  return {
    type: 'object', required: ['org', name], additionalProperties: false,
    properties: { org: orgParams.properties.org, [name]: { type: 'string', pattern } },
  } as const;
}

export const labelIdPattern = '^[A-Za-z0-9][A-Za-z0-9._-]{3,39}$';

/** A free-text field: bounded, and no control characters except line breaks and tabs. */
export function text(max: number, min = 1) {
  return { type: 'string', minLength: min, maxLength: max, pattern: '^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]*$' } as const;
}

export const bearer = [{ bearerAuth: [] }, { sessionCookie: [] }];
