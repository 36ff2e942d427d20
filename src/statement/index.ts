// The PSTI statement of compliance (Regulations 2023, Schedule 4) as HTML and PDF.
export { statementFacts, statementText, type Signatory, type StatementFacts } from './facts.js';
export { statementHtml } from './html.js';
export { statementPdf } from './pdf.js';
