import sharp from 'sharp';
import { escapeHtml } from '../../../lib/mail-layout.ts';
import type { DemoNano } from './demo-nano.ts';
import { labelsFor, levelName } from './labels.ts';
import { themeFor } from './theme.ts';

/** 16:9, so the thumbnail job (640×360, cover crop) shows the whole overview diagram. */
const COVER_WIDTH = 960;
const COVER_HEIGHT = 540;
const CHART_WIDTH = 800;
const CHART_HEIGHT = 450;
const FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';
/** Share of the learning time for the introduction, and for the wrap-up with its exercise. */
const INTRO_SHARE = 0.1;
const WRAP_UP_SHARE = 0.2;
/**
 * Plain deflate at the default level: palette quantisation would halve the files but cost six times
 * the encoding time, and the seed has to stay within the start-up budget.
 */
const PNG_OPTIONS = { compressionLevel: 6 } as const;

/** Greedy wrap by character count (SVG text has no layout engine), at most `maxLines` lines. */
function wrapChars(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && candidate.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) {
    lines.push(line);
  }
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1]}…`;
    return kept;
  }
  return lines;
}

function text(x: number, y: number, content: string, attributes: string): string {
  return `<text x="${x}" y="${y}" font-family="${FONT}" ${attributes}>${escapeHtml(content)}</text>`;
}

function render(svg: string): Promise<Buffer> {
  // The diagrams are opaque; dropping the alpha channel saves a quarter of the pixel data.
  return sharp(Buffer.from(svg)).removeAlpha().png(PNG_OPTIONS).toBuffer();
}

/**
 * The overview diagram: the title on the topic colour and the key points as numbered steps with
 * arrows between them. It is the first image of the ZIP, so it also becomes the thumbnail.
 */
export function buildOverviewPng(nano: DemoNano, provider: string): Promise<Buffer> {
  const { accent, tint } = themeFor(nano);
  const parts: string[] = [
    `<rect width="100%" height="100%" fill="${accent}"/>`,
    `<circle cx="${COVER_WIDTH - 60}" cy="40" r="180" fill="${tint}" opacity="0.18"/>`,
    `<circle cx="${COVER_WIDTH - 10}" cy="250" r="90" fill="${tint}" opacity="0.12"/>`,
  ];
  const titleLines = wrapChars(nano.title, 34, 3);
  titleLines.forEach((line, index) => {
    parts.push(text(48, 96 + index * 52, line, 'font-size="42" font-weight="700" fill="#ffffff"'));
  });
  // The lead sentence of the description fills the space a short title leaves above the steps.
  const lead = nano.description.split(/(?<=[.!?])\s/)[0] ?? '';
  wrapChars(lead, 70, 3 - titleLines.length + 1).forEach((line, index) => {
    parts.push(text(48, 96 + titleLines.length * 52 + index * 30, line, `font-size="21" fill="${tint}"`));
  });
  const gap = 44;
  const count = nano.points.length;
  const boxWidth = (COVER_WIDTH - 2 * 48 - (count - 1) * gap) / count;
  nano.points.forEach(([heading], index) => {
    const x = 48 + index * (boxWidth + gap);
    parts.push(`<rect x="${x}" y="290" width="${boxWidth}" height="150" rx="14" fill="#ffffff"/>`);
    parts.push(`<circle cx="${x + 34}" cy="326" r="20" fill="${accent}"/>`);
    parts.push(text(x + 27, 334, String(index + 1), 'font-size="22" font-weight="700" fill="#ffffff"'));
    wrapChars(heading, Math.floor(boxWidth / 13), 3).forEach((line, lineIndex) => {
      parts.push(
        text(x + 18, 378 + lineIndex * 26, line, `font-size="21" font-weight="700" fill="${accent}"`),
      );
    });
    if (index < count - 1) {
      const ax = x + boxWidth + 8;
      parts.push(
        `<path d="M${ax} 365 h${gap - 22} l-8 -9 m8 9 l-8 9" stroke="${tint}" stroke-width="4" fill="none"/>`,
      );
    }
  });
  const labels = labelsFor(nano);
  const footer = `${provider} · ${nano.durationMinutes} ${labels.minutes} · ${levelName(nano)}`;
  parts.push(text(48, 500, footer, `font-size="20" fill="${tint}"`));
  return render(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${COVER_WIDTH}" height="${COVER_HEIGHT}">${parts.join('')}</svg>`,
  );
}

/**
 * Minutes per section: introduction, each key point (weighted by how much its explanation says),
 * wrap-up; they add up to the Nano's duration.
 */
export function timePlan(nano: DemoNano): Array<[string, number]> {
  const labels = labelsFor(nano);
  const intro = Math.max(1, Math.round(nano.durationMinutes * INTRO_SHARE));
  const wrapUp = Math.max(1, Math.round(nano.durationMinutes * WRAP_UP_SHARE));
  const rest = Math.max(nano.points.length, nano.durationMinutes - intro - wrapUp);
  const weights = nano.points.map(([, detail]) => detail.length);
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  const minutes = weights.map((weight) => Math.max(1, Math.floor((rest * weight) / totalWeight)));
  // Rounding down leaves a few minutes over; the longest explanations get them.
  const byWeight = weights.map((weight, index) => [weight, index] as const).sort((a, b) => b[0] - a[0]);
  for (let left = rest - minutes.reduce((sum, m) => sum + m, 0), i = 0; left > 0; left--, i++) {
    const [, index] = byWeight[i % byWeight.length] ?? [0, 0];
    minutes[index] = (minutes[index] ?? 0) + 1;
  }
  return [
    [labels.intro, intro],
    ...nano.points.map(([heading], index): [string, number] => [heading, minutes[index] ?? 1]),
    [labels.wrapUp, wrapUp],
  ];
}

/** A bar chart of how the learning time is spent, for Nanos that ship a second image. */
export function buildTimePlanPng(nano: DemoNano): Promise<Buffer> {
  const { accent, tint } = themeFor(nano);
  const sections = timePlan(nano);
  const longest = Math.max(...sections.map(([, minutes]) => minutes));
  const barLeft = 300;
  const barMax = CHART_WIDTH - barLeft - 90;
  const rowHeight = Math.min(64, 330 / sections.length);
  const parts: string[] = [
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<rect width="100%" height="8" fill="${accent}"/>`,
    text(40, 62, labelsFor(nano).timePlan, `font-size="26" font-weight="700" fill="${accent}"`),
  ];
  sections.forEach(([label, minutes], index) => {
    const y = 100 + index * rowHeight;
    const width = Math.max(8, (minutes / longest) * barMax);
    const [name = ''] = wrapChars(label, 24, 1);
    parts.push(text(40, y + rowHeight / 2 + 6, name, 'font-size="18" fill="#343a40"'));
    parts.push(
      `<rect x="${barLeft}" y="${y + 8}" width="${width}" height="${rowHeight - 16}" rx="6" fill="${index % 2 ? tint : accent}"/>`,
    );
    parts.push(
      text(barLeft + width + 12, y + rowHeight / 2 + 6, `${minutes} min`, 'font-size="18" fill="#495057"'),
    );
  });
  return render(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}">${parts.join('')}</svg>`,
  );
}
