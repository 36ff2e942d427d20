/**
 * Malformed or hostile input inside a layer. The driver records it in the unpack log and goes on with the
 * rest of the image; it never reaches the user as a crash.
 */
export class FormatError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FormatError';
  }
}

/** Throws FormatError unless `condition` holds; for header sanity checks. */
export function expect(condition: boolean, message: string): asserts condition {
  if (!condition) throw new FormatError(message);
}
