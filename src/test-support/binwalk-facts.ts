// binwalk's findings on corpus files, recorded once on a machine that has binwalk (CI does not) and kept as
// test data in ./binwalk/<file>.txt: one "DECIMAL  HEXADECIMAL  DESCRIPTION" line per signature.
import { readFileSync } from 'node:fs';

export interface BinwalkFact {
  readonly offset: number;
  readonly description: string;
  /** What the description is about, for deciding how a layer must account for it. */
  readonly kind: 'lzma' | 'header' | 'content';
}

/** Signatures binwalk prints for things that are not structures a layer starts at (strings, tables). */
const CONTENT = [/^VxWorks operating system version/, /^U-Boot version string/, /^CRC32 polynomial table/, /^LANCOM WWAN firmware/, /^MySQL ISAM/];

function kindOf(description: string): BinwalkFact['kind'] {
  if (description.startsWith('LZMA compressed data')) return 'lzma';
  return CONTENT.some((re) => re.test(description)) ? 'content' : 'header';
}

/** The recorded findings for a corpus file name (`wr.fw`, `test.ros`, ...). */
export function binwalkFacts(file: string): BinwalkFact[] {
  const text = readFileSync(new URL(`./binwalk/${file}.txt`, import.meta.url), 'latin1');
  return text
    .split('\n')
    .map((line) => /^(\d+)\s+0x[0-9A-F]+\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ offset: Number(m[1]), description: m[2]!, kind: kindOf(m[2]!) }));
}
