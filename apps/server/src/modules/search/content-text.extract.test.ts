import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  extractText,
  htmlToText,
  normalizeText,
  PDF_MAX_PAGES,
  truncateText,
} from './content-text.extract.ts';

async function pdfWithPages(texts: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const text of texts) {
    doc.addPage([595, 842]).drawText(text, { x: 50, y: 780, size: 14, font });
  }
  return Buffer.from(await doc.save());
}

describe('content text extraction', () => {
  it('reads the visible text of HTML: entities decoded, scripts and styles dropped, blocks separated', () => {
    const text = htmlToText(
      '<html><head><title>Titel</title><meta name="x" content="metawort"><style>p{}</style></head>' +
        '<body><h1>Kapitel</h1><ul><li>eins</li><li>zwei</li></ul><p>Gr&uuml;&szlig;e &amp; mehr</p>' +
        '<script>const versteckt = "<p>nein</p>";</script><img src="a.png" alt="Diagramm Umsatz"><b>fe</b>tt</body></html>',
    );
    expect(normalizeText(text)).toBe('Titel Kapitel eins zwei Grüße & mehr Diagramm Umsatz fett');
  });

  it('normalises white space and removes control and invisible characters', () => {
    expect(normalizeText('  a\u0000b\t\n c  Zwiebel\u00ADmarmelade\uFEFF ')).toBe('a b c Zwiebelmarmelade');
  });

  it('never cuts a surrogate pair in half', () => {
    expect(truncateText('ab😀', 3)).toBe('ab');
    expect(truncateText('ab😀', 4)).toBe('ab😀');
    expect(truncateText('abc', 5)).toBe('abc');
  });

  it('reads text and Markdown as UTF-8 without a byte order mark', async () => {
    expect(await extractText('markdown', Buffer.from('\uFEFF# Überschrift\n\nText', 'utf8'), 100)).toBe(
      '# Überschrift Text',
    );
    expect(await extractText('text', Buffer.from('eins zwei drei'), 8)).toBe('eins zwe');
  });

  it('reads the text of every PDF page in order, up to the character budget', async () => {
    const pdf = await pdfWithPages(['Erste Seite Quartalsbericht', 'Zweite Seite', 'Dritte Seite']);
    expect(await extractText('pdf', pdf, 1000)).toBe('Erste Seite Quartalsbericht Zweite Seite Dritte Seite');
    expect(await extractText('pdf', pdf, 30)).toBe('Erste Seite Quartalsbericht Zw');
  });

  it(`reads at most ${PDF_MAX_PAGES} pages of a PDF`, async () => {
    const pdf = await pdfWithPages(Array.from({ length: PDF_MAX_PAGES + 1 }, (_, i) => `S${i + 1}`));
    const text = await extractText('pdf', pdf, 100_000);
    expect(text.endsWith(` S${PDF_MAX_PAGES}`)).toBe(true);
    expect(text).not.toContain(`S${PDF_MAX_PAGES + 1}`);
  });

  it('rejects a broken PDF', async () => {
    await expect(extractText('pdf', Buffer.from('%PDF-1.7\ngarbage\n%%EOF'), 100)).rejects.toThrow();
  });
});
