import PDFDocument from 'pdfkit';

/** Page geometry in PDF points (A4, margins of about 2 cm; room for the footer below the text). */
export const PDF_MARGIN = 56;
const FOOTER_HEIGHT = 28;

export const PDF_COLOR = { text: '#1a1b1e', muted: '#5c5f66', rule: '#d5d7db', link: '#1c5fb8' } as const;
export const PDF_FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold' } as const;

/**
 * The standard PDF fonts encode WinAnsi (Latin-1 plus typographic quotes and dashes) only: other
 * characters (emoji, other scripts) are left out rather than drawn as broken glyphs.
 */
const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

/** `text` as the standard fonts can draw it (see above), runs of spaces collapsed, trimmed. */
export function printable(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[^\t\n\r\u0020-\u007e\u00a0-\u00ff]/gu, (c) => (WIN_ANSI_EXTRA.includes(c) ? c : ''))
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

export interface A4Document {
  doc: PDFKit.PDFDocument;
  /** The width of the text column. */
  width: number;
  /**
   * Writes `footer` and "page n of m" at the foot of every page, ends the document and resolves
   * with its bytes.
   */
  finish(footer: string, pageLabel: (page: number, count: number) => string): Promise<Buffer>;
}

/** An A4 document of ours (margins, metadata, buffered pages for the footers), collected in memory. */
export function createA4Document(options: { title: string; locale: string }): A4Document {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PDF_MARGIN, bottom: PDF_MARGIN + FOOTER_HEIGHT, left: PDF_MARGIN, right: PDF_MARGIN },
    bufferPages: true,
    lang: options.locale,
    displayTitle: true,
    info: { Title: printable(options.title), Author: 'Nano-Marktplatz', Creator: 'Nano-Marktplatz' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * PDF_MARGIN;
  return {
    doc,
    width,
    finish(footer, pageLabel) {
      writeFooters(doc, width, printable(footer), pageLabel);
      doc.end();
      return done;
    },
  };
}

/** A thin horizontal line across the text column at the current position. */
export function rule(doc: PDFKit.PDFDocument, width: number): void {
  const y = doc.y;
  doc
    .moveTo(PDF_MARGIN, y)
    .lineTo(PDF_MARGIN + width, y)
    .lineWidth(0.5)
    .strokeColor(PDF_COLOR.rule)
    .stroke();
  doc.y = y + 1;
}

/** `footer` and "page n of m" at the foot of every page (written after the content, into the bottom margin). */
function writeFooters(
  doc: PDFKit.PDFDocument,
  width: number,
  footer: string,
  pageLabel: (page: number, count: number) => string,
): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottomMargin = doc.page.margins.bottom;
    // Text below the bottom margin would start a new page: the margin is lifted while writing.
    doc.page.margins.bottom = 0;
    const y = doc.page.height - PDF_MARGIN - 10;
    doc.font(PDF_FONT.regular).fontSize(8.5).fillColor(PDF_COLOR.muted);
    doc.text(footer, PDF_MARGIN, y, { width: width * 0.7, lineBreak: false, ellipsis: true, height: 12 });
    doc.text(pageLabel(i + 1 - range.start, range.count), PDF_MARGIN, y, {
      width,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottomMargin;
  }
}
