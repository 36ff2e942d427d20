import bcrypt from 'bcryptjs';

// bcrypt (`$2a$`, `$2b$`, `$2y$`, `$2x$`) through bcryptjs: a well-kept pure-JS implementation of the OpenBSD
// algorithm. Deliberately slow (2^cost Blowfish key setups), so callers try only a short list against it.

const BCRYPT = /^\$2[abxy]\$(\d\d)\$[./A-Za-z0-9]{53}$/;

/** The cost (log2 of rounds) of a bcrypt hash, or undefined when it is not one. */
export function bcryptCost(hash: string): number | undefined {
  const m = BCRYPT.exec(hash);
  if (!m) return undefined;
  const cost = Number(m[1]);
  return cost >= 4 && cost <= 31 ? cost : undefined;
}

export function bcryptVerify(password: Buffer, hash: string): boolean {
  // bcryptjs hashes the UTF-8 bytes of a string; firmware passwords are compared as UTF-8 text.
  return bcrypt.compareSync(password.toString('utf8'), hash.replace(/^\$2[xy]\$/, '$2b$'));
}
