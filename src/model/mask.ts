/**
 * Masks a secret for evidence: keeps at most `keep` leading characters (never more than a quarter of the
 * secret) and replaces the rest with a fixed-width run of asterisks, so neither the secret nor its length leaks.
 */
export function mask(secret: string, keep = 2): string {
  if (secret.length === 0) return '(empty)';
  const shown = Math.min(keep, Math.floor(secret.length / 4));
  return `${secret.slice(0, shown)}${'*'.repeat(6)}`;
}
