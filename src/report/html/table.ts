import { html, type Html, type HtmlValue } from './escape.js';

export interface Column {
  readonly label: string;
  readonly numeric?: boolean;
}

/**
 * A data table with a caption, column headers (`scope="col"`) and a row header per row (`scope="row"`).
 * `stack` tables show each row as a card under 40rem, every cell labelled with its column.
 */
export function dataTable(caption: string, columns: readonly Column[], rows: readonly Html[], className = 'stack'): Html {
  return html`<table class="${className}"><caption>${caption}</caption>
<thead><tr>${columns.map((c) => html`<th scope="col"${c.numeric ? html` class="num"` : ''}>${c.label}</th>`)}</tr></thead>
<tbody>
${rows}</tbody></table>
`;
}

/** The first cell of a row, a header for its row. */
export function rowHeader(content: HtmlValue, id?: string): Html {
  return html`<th scope="row"${id === undefined ? '' : html` id="${id}"`}>${content}</th>`;
}

export function cell(label: string, content: HtmlValue, numeric = false): Html {
  return html`<td data-label="${label}"${numeric ? html` class="num"` : ''}>${content}</td>`;
}
