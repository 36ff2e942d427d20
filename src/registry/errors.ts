/**
 * Errors of the registry's services, with the HTTP status the server answers and a stable code.
 * The server turns them into `{ error: { code, message } }`; the CLI into IotcopError.
 */
export const HTTP_ERRORS = {
  ERR_VALIDATION: 400,
  ERR_UNAUTHENTICATED: 401,
  ERR_FORBIDDEN: 403,
  ERR_CSRF: 403,
  ERR_NOT_FOUND: 404,
  ERR_CONFLICT: 409,
  ERR_STATE: 409,
  ERR_PAYLOAD_TOO_LARGE: 413,
  ERR_UNSUPPORTED_MEDIA: 415,
  ERR_UNPROCESSABLE: 422,
  ERR_RATE_LIMITED: 429,
  ERR_INTERNAL: 500,
  ERR_UNAVAILABLE: 503,
} as const;

export type HttpErrorCode = keyof typeof HTTP_ERRORS;

export class RegistryError extends Error {
  readonly code: HttpErrorCode;
  readonly status: number;
  constructor(code: HttpErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RegistryError';
    this.code = code;
    this.status = HTTP_ERRORS[code];
  }
}

export const notFound = (what: string): RegistryError => new RegistryError('ERR_NOT_FOUND', `${what} not found`);
export const forbidden = (message = 'your role does not allow this'): RegistryError => new RegistryError('ERR_FORBIDDEN', message);
