/**
 * Makes invisible or look-alike characters visible. Report strings can come from firmware (file names,
 * evidence), where control characters and bidirectional overrides are used to hide or disguise content
 * ("Trojan Source"); every renderer shows them as escapes instead of passing them through.
 */
// C0 controls except tab, LF and CR; DEL; C1 controls; bidi embeddings, overrides and isolates; BOM.
// eslint-disable-next-line no-control-regex
const HIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
// Lone UTF-16 surrogates cannot be encoded as UTF-8; they would turn into U+FFFD silently.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function codeEscape(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with hidden characters shown as `\xNN` / `\uNNNN` escapes. Tab, LF and CR are kept. */
export function visible(text: string): string {
  return text.replace(HIDDEN, codeEscape).replace(LONE_SURROGATE, codeEscape);
}

/** Line breaks of any convention folded to single spaces, for one-line contexts (table cells, headings). */
export function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
}
