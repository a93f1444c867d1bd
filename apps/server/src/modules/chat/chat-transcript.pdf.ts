import {
  PDF_COLOR as COLOR,
  createA4Document,
  PDF_FONT as FONT,
  printable,
  rule,
} from '../../lib/pdf-document.ts';
import {
  headerLines,
  lineText,
  TRANSCRIPT_LABELS,
  type TranscriptInput,
  transcriptTime,
} from './chat-transcript.format.ts';

/**
 * The transcript as PDF: the header (Nano, parties, export date), then every message with its
 * author and time in bold and its text below, and page numbers in the footer.
 */
export function transcriptPdf(input: TranscriptInput): Promise<Buffer> {
  const labels = TRANSCRIPT_LABELS[input.locale];
  const [title = '', ...facts] = headerLines(input);
  const { doc, width, finish } = createA4Document({ title, locale: input.locale });

  doc.font(FONT.bold).fontSize(16).fillColor(COLOR.text).text(printable(title), { width });
  doc.moveDown(0.3);
  doc.font(FONT.regular).fontSize(9).fillColor(COLOR.muted);
  for (const fact of facts) {
    doc.text(printable(fact), { width });
  }
  doc.moveDown(0.6);
  rule(doc, width);
  doc.moveDown(0.6);

  if (input.lines.length === 0) {
    doc.font(FONT.regular).fontSize(10.5).fillColor(COLOR.text).text(labels.empty, { width });
  }
  for (const line of input.lines) {
    const heading = printable(`${line.name} · ${transcriptTime(line.at)}`);
    const text = printable(lineText(line, input.locale)).trim() || '–';
    const bottom = doc.page.height - doc.page.margins.bottom;
    // The author line never stands alone at the foot of a page.
    if (doc.y + 30 > bottom) {
      doc.addPage();
    }
    doc.font(FONT.bold).fontSize(9).fillColor(COLOR.muted).text(heading, { width });
    doc.font(FONT.regular).fontSize(10.5).fillColor(COLOR.text).text(text, { width });
    doc.moveDown(0.6);
  }

  return finish(input.nanoTitle, labels.page);
}
