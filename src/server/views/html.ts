/** HTML-escapes text for element content and quoted attribute values. */
export function esc(value: string | number | null | undefined): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A trusted HTML fragment: built only by `html` from escaped values. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

type Part = string | number | null | undefined | Html | readonly Html[] | false;

/** Tagged template that escapes every interpolated value unless it is already Html. */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    if (v instanceof Html) out += v.text;
    else if (Array.isArray(v)) out += (v as readonly Html[]).map((h) => h.text).join('');
    else if (v !== false) out += esc(v as string | number | null | undefined);
    out += strings[i + 1] ?? '';
  });
  return new Html(out);
}

/** The page frame: one stylesheet, no scripts, a skip link and a language, so screen readers and slow phones cope. */
export function layout(title: string, body: Html, options: { lang?: string } = {}): string {
  return `<!doctype html>
<html lang="${esc(options.lang ?? 'en')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="stylesheet" href="/assets/site.css">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<main id="main">
${body.text}
</main>
<footer><p>Security information published through an iotcop registry.</p></footer>
</body>
</html>
`;
}

export function formatDate(isoText: string | null): string {
  if (!isoText) return '';
  const d = new Date(isoText.length === 10 ? `${isoText}T00:00:00Z` : isoText);
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
