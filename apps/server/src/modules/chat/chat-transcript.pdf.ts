import PDFDocument from 'pdfkit';
import {
  headerLines,
  lineText,
  TRANSCRIPT_LABELS,
  type TranscriptInput,
  transcriptTime,
} from './chat-transcript.format.ts';

/** A4 with margins of about 2 cm and room for the footer. */
const MARGIN = 56;
const FOOTER_HEIGHT = 28;
const COLOR = { text: '#1a1b1e', muted: '#5c5f66', rule: '#d5d7db' } as const;
const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold' } as const;

/**
 * The standard PDF fonts encode WinAnsi (Latin-1 plus typographic quotes and dashes) only: other
 * characters (emoji, other scripts) are left out of the PDF rather than drawn as broken glyphs;
 * the text transcript keeps them.
 */
const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
function printable(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[^\t\n\r\u0020-\u007e\u00a0-\u00ff]/gu, (c) => (WIN_ANSI_EXTRA.includes(c) ? c : ''))
    .replace(/[ \t]{2,}/g, ' ');
}

/**
 * The transcript as PDF: the header (Nano, parties, export date), then every message with its
 * author and time in bold and its text below, and page numbers in the footer.
 */
export function transcriptPdf(input: TranscriptInput): Promise<Buffer> {
  const labels = TRANSCRIPT_LABELS[input.locale];
  const [title = '', ...facts] = headerLines(input);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + FOOTER_HEIGHT, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: input.locale,
    displayTitle: true,
    info: { Title: printable(title), Author: 'Nano-Marktplatz', Creator: 'Nano-Marktplatz' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;

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

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottomMargin = doc.page.margins.bottom;
    // Text below the bottom margin would start a new page: the margin is lifted while writing.
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN - 10;
    doc.font(FONT.regular).fontSize(8.5).fillColor(COLOR.muted);
    doc.text(printable(input.nanoTitle), MARGIN, y, {
      width: width * 0.7,
      lineBreak: false,
      ellipsis: true,
      height: 12,
    });
    doc.text(labels.page(i + 1 - range.start, range.count), MARGIN, y, {
      width,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottomMargin;
  }
  doc.end();
  return done;
}

function rule(doc: PDFKit.PDFDocument, width: number): void {
  const y = doc.y;
  doc
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + width, y)
    .lineWidth(0.5)
    .strokeColor(COLOR.rule)
    .stroke();
  doc.y = y + 1;
}
