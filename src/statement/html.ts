import type { StatementFacts } from './facts.js';
import { statementText } from './facts.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The statement as a self-contained HTML page (no scripts, no external resources), printable on A4. */
export function statementHtml(f: StatementFacts): string {
  const t = statementText(f);
  const rows = t.items.map(([k, v]) => `      <tr><th scope="row">${esc(k)}</th><td>${esc(v)}</td></tr>`).join('\n');
  const draft = f.draft
    ? `  <aside class="draft" role="note"><strong>DRAFT: not a statement of compliance.</strong> The assessment does not support the declaration:<ul>${f.draft.map((r) => `<li>${esc(r)}</li>`).join('')}</ul></aside>\n`
    : '';
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${f.draft ? 'DRAFT ' : ''}${esc(t.heading)}: ${esc(f.product)}</title>
<style>
  body { font-family: Inter, Arial, Helvetica, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #111; line-height: 1.45; }
  h1 { font-size: 1.6rem; margin-bottom: .25rem; }
  table { border-collapse: collapse; width: 100%; margin: 1.5rem 0; }
  th, td { text-align: left; vertical-align: top; padding: .5rem .6rem; border-top: 1px solid #ccc; }
  th { width: 38%; font-weight: 600; }
  .draft { border: 3px solid #b3261e; padding: .75rem 1rem; color: #b3261e; }
  .signature { margin-top: 3rem; border-top: 1px solid #111; width: 18rem; padding-top: .25rem; }
  @media print { body { margin: 0; } }
</style>
</head>
<body>
<main>
  <h1>${esc(t.heading)}</h1>
  <p>${esc(f.product)}</p>
${draft}  <p>${esc(t.intro)}</p>
  <p>${esc(t.declaration)}</p>
  <table>
    <tbody>
${rows}
    </tbody>
  </table>
  <p class="signature">Signature</p>
</main>
</body>
</html>
`;
}
