/** Runs the CLI with the given argv and resolves to the process exit code. */
export function main(_argv: readonly string[]): Promise<number> {
  return Promise.resolve(0);
}
