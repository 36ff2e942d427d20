// Debian control-file paragraphs (deb-control(5)), as dpkg and opkg write their status databases:
// `Field: value` lines, continuation lines starting with a space or tab, paragraphs separated by blank lines.

export interface Paragraph {
  /** Field names lower-cased. */
  readonly fields: ReadonlyMap<string, string>;
  /** 1-based line of the paragraph's first field. */
  readonly line: number;
}

/** Paragraphs of a control file; malformed lines are skipped, never fatal. `max` caps how many are read. */
export function paragraphs(text: string, max = 100_000): Paragraph[] {
  const out: Paragraph[] = [];
  let fields = new Map<string, string>();
  let start = 0;
  let last: string | undefined;
  const flush = () => {
    if (fields.size > 0 && out.length < max) out.push({ fields, line: start });
    fields = new Map();
    last = undefined;
  };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line.trim() === '') {
      flush();
      continue;
    }
    if ((line.startsWith(' ') || line.startsWith('\t')) && last) {
      fields.set(last, `${fields.get(last)}\n${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    if (fields.size === 0) start = i + 1;
    last = line.slice(0, colon).trim().toLowerCase();
    fields.set(last, line.slice(colon + 1).trim());
  }
  flush();
  return out;
}
