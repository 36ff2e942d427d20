import { visible } from '../common/text.js';

/**
 * Markup that is already safe. Only the `html` tag, `joinHtml` and `trustedHtml` make one, so any string that
 * reaches the page without passing through them is escaped: escaping is the default, not a step to remember.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and for double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return visible(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join('');
  if (value === null || value === undefined || value === false || value === true) return '';
  return escapeHtml(String(value));
}

/** Tagged template: literal parts are markup, every interpolated value is escaped unless it is `Html`. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): Html {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i += 1) out += render(values[i]) + (strings[i + 1] ?? '');
  return new Html(out);
}

export function joinHtml(parts: readonly HtmlValue[], separator = ''): Html {
  return new Html(parts.map(render).join(separator));
}

/** For the renderer's own constant markup (the stylesheet, the script); never for report data. */
export function trustedHtml(markup: string): Html {
  return new Html(markup);
}

/**
 * A fragment identifier made from report data: letters, digits, `.`, `:` and `-` are kept, anything else becomes
 * `_hex_`, so two different ids never collide and no id can contain a quote, a space or `#`.
 */
export function anchorId(kind: string, id: string): string {
  return `${kind}-${id.replace(/[^A-Za-z0-9.:-]/g, (c) => `_${c.charCodeAt(0).toString(16)}_`)}`;
}

/** An `href` only for http(s) URLs: a report URL such as `javascript:...` or `data:...` is shown, never linked. */
export function externalHref(url: string): string | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
