/**
 * Runs a synchronous parser and returns its result as a promise, turning a throw into a rejection, so a
 * plug-in's `unpack` never throws synchronously at its caller.
 */
export function promised<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
