import { ZipFile } from 'yazl';
import type { DemoNano } from './demo-nano.ts';
import { buildHtmlPackage } from './html-package.ts';
import { buildOverviewPng, buildTimePlanPng } from './image-builder.ts';
import { fileSlug, labelsFor, levelName, licenseLine } from './labels.ts';
import { buildDemoPdf } from './pdf-builder.ts';

/** A fixed entry time keeps the ZIP bytes, and so its checksum, the same on every seed. */
const ENTRY_TIME = new Date('2026-01-01T00:00:00Z');
/** Formats that show more than text get the second image, the time-plan chart. */
const FORMATS_WITH_CHART: ReadonlySet<DemoNano['format']> = new Set(['mixed', 'interactive', 'quiz']);

/** The files of one demo Nano by path inside its ZIP. */
export type DemoFiles = Record<string, Buffer | string>;

function readme(nano: DemoNano, provider: string, files: string[]): string {
  const labels = labelsFor(nano);
  const described = (path: string) => {
    if (path.endsWith('.pdf')) {
      return `- \`${path}\`: ${labels.pdfDescription}`;
    }
    if (path === 'index.html') {
      return `- \`${path}\`: ${labels.packageDescription}`;
    }
    return `- \`${path}\``;
  };
  return [
    `# ${nano.title}`,
    '',
    nano.description,
    '',
    `**${labels.provider}:** ${provider}  `,
    `**${labels.minutes}:** ${nano.durationMinutes} · ${levelName(nano)}  `,
    `**${labels.keywords}:** ${nano.tags.join(', ')}`,
    '',
    `## ${labels.goals}`,
    '',
    ...nano.points.map(([heading, detail]) => `- **${heading}:** ${detail}`),
    '',
    `## ${labels.contents}`,
    '',
    ...files.map(described),
    '',
    `## ${labels.license}`,
    '',
    licenseLine(nano),
    '',
  ].join('\n');
}

/**
 * Every file of a demo Nano: the PDF script, the overview image (and for richer formats a chart),
 * a README, and for Nanos with a quiz an HTML package whose entry files sit at the ZIP root.
 */
export async function buildDemoFiles(nano: DemoNano, provider: string): Promise<DemoFiles> {
  const labels = labelsFor(nano);
  const overviewPath = `${labels.imagesDir}/${labels.overviewImage}`;
  // The PDF is drawn on the main thread while sharp renders on the thread pool; the images one
  // after the other, so a build takes one pool thread and leaves the rest to file and database I/O.
  const overviewRendering = buildOverviewPng(nano, provider);
  const pdf = await buildDemoPdf(nano, provider);
  const overview = await overviewRendering;
  const chart = FORMATS_WITH_CHART.has(nano.format) ? await buildTimePlanPng(nano) : undefined;
  const files: DemoFiles = {
    [`${fileSlug(nano.title)}.pdf`]: pdf,
    [overviewPath]: overview,
    ...(chart ? { [`${labels.imagesDir}/${labels.timePlanImage}`]: chart } : {}),
    ...(nano.quiz ? buildHtmlPackage(nano, overviewPath) : {}),
  };
  return { ...files, 'README.md': readme(nano, provider, Object.keys(files)) };
}

/** Packs files into a ZIP in memory; already compressed images are stored, not deflated again. */
export function zipFiles(files: DemoFiles): Promise<Buffer> {
  const zip = new ZipFile();
  for (const [path, content] of Object.entries(files)) {
    zip.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), path, {
      mtime: ENTRY_TIME,
      compress: !path.endsWith('.png'),
    });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

/** The finished ZIP of a demo Nano, as a creator would upload it. */
export async function buildDemoZip(nano: DemoNano, provider: string): Promise<Buffer> {
  return zipFiles(await buildDemoFiles(nano, provider));
}
