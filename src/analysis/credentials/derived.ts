// Passwords derived from a unit's identity: its MAC address, serial number or a production counter. PSTI
// Schedule 1 paragraph 1 and EN 303 645 5.1-2 count these as guessable across a product class.

/** The 12 hex digits of a MAC address written with or without separators; undefined when it is not one. */
export function normaliseMac(text: string): string | undefined {
  const hex = text.trim().replace(/[:\-.]/g, '').toLowerCase();
  return /^[0-9a-f]{12}$/.test(hex) && hex !== '000000000000' && hex !== 'ffffffffffff' ? hex : undefined;
}

/** Candidate passwords an attacker would derive from a MAC address (and from it plus/minus one, for other ports). */
export function macCandidates(mac: string): string[] {
  const out = new Set<string>();
  for (const delta of [0, 1, -1]) {
    const value = (BigInt(`0x${mac}`) + BigInt(delta)) & 0xffffffffffffn;
    const hex = value.toString(16).padStart(12, '0');
    for (const h of [hex, hex.toUpperCase()]) {
      out.add(h);
      out.add(h.slice(-8));
      out.add(h.slice(-6));
      out.add(h.slice(-4));
      out.add(h.match(/../g)!.join(':'));
    }
  }
  return [...out];
}

export function serialCandidates(serial: string): string[] {
  const s = serial.trim();
  if (s.length < 4) return [];
  return [...new Set([s, s.toLowerCase(), s.toUpperCase(), s.slice(-8), s.slice(-6), s.slice(-4)])].filter((x) => x.length >= 4);
}

export type Derivation = 'mac' | 'serial';

/** How `password` derives from the unit's MAC or serial, if it visibly does (contains 4+ hex/characters of it). */
export function derivationOf(password: string, mac?: string, serial?: string): Derivation | undefined {
  const p = password.toLowerCase();
  if (mac) {
    const m = normaliseMac(mac);
    if (m && macCandidates(m).some((c) => c.length >= 6 && p.includes(c.toLowerCase()))) return 'mac';
  }
  if (serial && serial.trim().length >= 4) {
    const s = serial.trim().toLowerCase();
    if (p.includes(s) || (s.length >= 6 && p.includes(s.slice(-6)))) return 'serial';
  }
  return undefined;
}

/**
 * True when the passwords, in record order, are numbers (or share a prefix and end in numbers) that grow by
 * one constant step: a production counter.
 */
export function isCounter(passwords: readonly string[]): boolean {
  if (passwords.length < 3) return false;
  const parts = passwords.map((p) => /^(.*?)(\d+)$/.exec(p));
  if (parts.some((m) => !m) || new Set(parts.map((m) => m![1])).size !== 1) return false;
  const nums = parts.map((m) => Number(m![2]));
  const step = nums[1]! - nums[0]!;
  return step !== 0 && Math.abs(step) <= 1000 && nums.every((n, i) => i === 0 || n - nums[i - 1]! === step);
}
