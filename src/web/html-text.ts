const BLOCK = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'td', 'th', 'table', 'section', 'article', 'header', 'footer', 'main', 'dt', 'dd', 'dl', 'blockquote', 'pre', 'hr', 'nav', 'address', 'title']);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg']);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', hellip: '…', copy: '©', pound: '£', euro: '€' };

/**
 * The readable text of an HTML page, one line per block element, for the heuristic statement searches. A single
 * linear scan (no regular expression over the whole page), so hostile markup cannot make it slow.
 */
export function htmlToText(html: string): string {
  let out = '';
  let i = 0;
  let skipUntil: string | undefined;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const text = html.slice(i, lt === -1 ? html.length : lt);
    if (!skipUntil) out += text;
    if (lt === -1) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt === -1) break;
    const tag = /^<\s*(\/?)\s*([a-zA-Z0-9]+)/.exec(html.slice(lt, Math.min(gt + 1, lt + 64)));
    i = gt + 1;
    if (!tag) continue;
    const closing = tag[1] === '/';
    const name = tag[2]!.toLowerCase();
    if (skipUntil) {
      if (closing && name === skipUntil) skipUntil = undefined;
      continue;
    }
    if (!closing && SKIP.has(name) && !html.slice(lt, gt).endsWith('/')) skipUntil = name;
    else if (BLOCK.has(name)) out += '\n';
  }
  return decodeEntities(out).split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n');
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** The text of a response body, whether it is HTML or plain text. */
export function readableText(body: string, mediaType: string): string {
  return mediaType === 'text/html' || mediaType === 'application/xhtml+xml' || /^\s*<(!doctype|html)/i.test(body) ? htmlToText(body) : body;
}
