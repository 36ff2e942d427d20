import PDFDocument from 'pdfkit';
import { collect } from '../label/render/pdf.js';
import { FONTS } from '../label/render/fonts.js';
import { statementText, type StatementFacts } from './facts.js';

/** The statement as an A4 PDF with embedded fonts and a fixed creation date (the date of issue). */
export async function statementPdf(f: StatementFacts): Promise<Buffer> {
  const issued = new Date(`${f.signatory.date}T12:00:00Z`);
  const t = statementText(f);
  const doc = new PDFDocument({
    size: 'A4', margin: 56,
    info: { Title: `${f.draft ? 'DRAFT ' : ''}${t.heading}: ${f.product}`, Author: f.manufacturer.name, Creator: 'iotcop', Producer: 'iotcop', CreationDate: issued, ModDate: issued },
    lang: 'en-GB', displayTitle: true,
  });
  const done = collect(doc);
  const width = doc.page.width - 112;
  doc.font(FONTS.bold).fontSize(20).text(t.heading);
  doc.font(FONTS.regular).fontSize(12).text(f.product).moveDown();
  if (f.draft) {
    doc.font(FONTS.bold).fillColor('#b3261e').text('DRAFT: not a statement of compliance. The assessment does not support the declaration:');
    doc.font(FONTS.regular).list([...f.draft], { bulletRadius: 1.5 }).fillColor('#111111').moveDown();
  }
  doc.font(FONTS.regular).fontSize(10.5).text(t.intro, { width }).moveDown(0.6).text(t.declaration, { width }).moveDown();
  for (const [k, v] of t.items) {
    const y = doc.y;
    doc.font(FONTS.bold).fontSize(10).text(k, 56, y, { width: 180 });
    const left = doc.y;
    doc.font(FONTS.regular).text(v, 246, y, { width: width - 190 });
    doc.y = Math.max(left, doc.y) + 6;
    doc.moveTo(56, doc.y - 3).lineTo(56 + width, doc.y - 3).lineWidth(0.4).stroke('#cccccc');
  }
  doc.moveDown(3).moveTo(56, doc.y).lineTo(290, doc.y).lineWidth(0.8).stroke('#111111');
  doc.font(FONTS.regular).fontSize(9).text('Signature', 56, doc.y + 3);
  doc.end();
  return done;
}
