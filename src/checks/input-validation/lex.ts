// Just enough lexing for line-based rules: which parts of a line are inside string quotes.

/**
 * The line with the contents of quoted strings replaced by spaces (the quote characters kept), so that
 * patterns can be matched against code only. Backslash escapes are honoured except inside single quotes
 * when `rawSingle` (shell). Offsets are unchanged.
 */
export function blankStrings(line: string, quotes: string, rawSingle = false): string {
  let out = '';
  let q = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (q) {
      if (c === '\\' && !(rawSingle && q === "'") && i + 1 < line.length) { out += '  '; i++; continue; }
      if (c === q) { q = ''; out += c; } else out += ' ';
    } else {
      if (quotes.includes(c)) q = c;
      out += c;
    }
  }
  return out;
}

/** The line cut at the first comment marker outside strings. */
export function stripComment(line: string, markers: readonly string[], quotes: string): string {
  const code = blankStrings(line, quotes);
  let cutAt = line.length;
  for (const m of markers) {
    const at = code.indexOf(m);
    if (at >= 0 && at < cutAt) cutAt = at;
  }
  return line.slice(0, cutAt);
}
