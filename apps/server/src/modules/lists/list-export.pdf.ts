import {
  PDF_COLOR as COLOR,
  createA4Document,
  PDF_FONT as FONT,
  PDF_MARGIN as MARGIN,
  printable,
  rule,
} from '../../lib/pdf-document.ts';
import { EXPORT_LABELS, type ExportLabels } from './list-export.labels.ts';
import type { ListExportInput } from './list-export.ts';
import { nanoUrl } from './lists.presenter.ts';
import type { ExportItemRow } from './lists.repository.ts';

/** The time zone of the export date (the platform serves German-speaking users). */
export const EXPORT_TIME_ZONE = 'Europe/Berlin';

/** Spaces inside one fact do not break, so a line only wraps between facts. */
const keep = (text: string) => printable(text).replace(/ /g, '\u00a0');

/** The facts of a Nano under its title: the provider on one line, duration, level and licence on the next. */
function itemFacts(item: ExportItemRow, labels: ExportLabels): [string, string] {
  const facts: string[] = [];
  if (item.durationMinutes !== null) {
    facts.push(keep(`${labels.duration}: ${labels.minutes(item.durationMinutes)}`));
  }
  if (item.level !== null) {
    facts.push(keep(`${labels.level}: ${labels.levels[item.level] ?? item.level}`));
  }
  if (item.license !== null) {
    facts.push(keep(`${labels.license}: ${labels.licenses[item.license] ?? item.license}`));
  }
  return [printable(`${labels.creator}: ${item.creator}`), facts.join('   ·   ')];
}

/**
 * The PDF a learning manager passes on: A4, the list's title, description and date, then one
 * block per available Nano (title, provider, duration, level, licence, clickable link), blocks
 * kept whole across page breaks, and page numbers in the footer.
 */
export function exportPdf(input: ListExportInput): Promise<Buffer> {
  const labels = EXPORT_LABELS[input.locale];
  const { doc, width, finish } = createA4Document({ title: input.name, locale: input.locale });
  const available = input.items.filter((item) => item.available);
  const date = new Intl.DateTimeFormat(labels.dateLocale, {
    dateStyle: 'long',
    timeZone: EXPORT_TIME_ZONE,
  }).format(input.exportedAt);

  doc.font(FONT.regular).fontSize(9).fillColor(COLOR.muted).text(labels.kicker, { width });
  doc.moveDown(0.3);
  doc.font(FONT.bold).fontSize(20).fillColor(COLOR.text).text(printable(input.name), { width });
  if (input.description) {
    doc.moveDown(0.3);
    doc.font(FONT.regular).fontSize(11).fillColor(COLOR.text).text(printable(input.description), { width });
  }
  doc.moveDown(0.4);
  doc
    .font(FONT.regular)
    .fontSize(9)
    .fillColor(COLOR.muted)
    .text(labels.exportedOn(date, available.length), { width });
  doc.moveDown(0.6);
  rule(doc, width);

  if (available.length === 0) {
    doc.moveDown(1);
    doc.font(FONT.regular).fontSize(11).fillColor(COLOR.text).text(labels.empty, { width });
  }
  available.forEach((item, index) => {
    writeItem(doc, item, index + 1, labels, nanoUrl(input.publicUrl, item.nanoId), width);
  });
  const missing = input.items.length - available.length;
  if (missing > 0) {
    doc.moveDown(0.8);
    doc.font(FONT.regular).fontSize(9).fillColor(COLOR.muted).text(labels.unavailable(missing), { width });
  }

  return finish(input.name, labels.page);
}

/** One Nano: number and title in bold, the facts, the link; moved whole to a new page if it does not fit. */
function writeItem(
  doc: PDFKit.PDFDocument,
  item: ExportItemRow,
  position: number,
  labels: ExportLabels,
  url: string,
  width: number,
): void {
  const indent = 24;
  const inner = width - indent;
  const title = printable(item.title);
  const [provider, facts] = itemFacts(item, labels);
  const gap = 9;
  const small = (text: string) => doc.font(FONT.regular).fontSize(9.5).heightOfString(text, { width: inner });
  const height =
    gap +
    doc.font(FONT.bold).fontSize(12).heightOfString(title, { width: inner }) +
    small(provider) +
    small(facts) +
    small(url) +
    8 +
    gap;
  const bottom = doc.page.height - doc.page.margins.bottom;
  if (doc.y + height > bottom && doc.y > doc.page.margins.top + 1) {
    doc.addPage();
  }
  const top = doc.y + gap;
  doc
    .font(FONT.bold)
    .fontSize(12)
    .fillColor(COLOR.muted)
    .text(`${position}.`, MARGIN, top, { width: indent - 4 });
  doc.fillColor(COLOR.text).text(title, MARGIN + indent, top, { width: inner });
  doc.moveDown(0.25);
  doc.font(FONT.regular).fontSize(9.5).fillColor(COLOR.text).text(provider, { width: inner });
  doc.fillColor(COLOR.muted).text(facts, { width: inner });
  doc.moveDown(0.25);
  doc.fillColor(COLOR.link).text(url, { width: inner, link: url, underline: false });
  doc.x = MARGIN;
  doc.y += gap;
  rule(doc, width);
}
