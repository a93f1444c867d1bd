import { NANO_LIMITS, nanoMetadataSchema } from '@nano/contracts';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { timePlan } from './image-builder.ts';
import { DEMO_NANOS } from './nanos.ts';
import { buildDemoFiles, buildDemoZip } from './zip-builder.ts';

const ZIP_MAX_BYTES = 300 * 1024;
const PLACEHOLDER_CATEGORY = '01890000-0000-7000-8000-000000000000';

describe('demo Nano content', () => {
  it('is metadata a creator could submit, with 2–6 tags and quizzes that have a right answer', () => {
    for (const nano of DEMO_NANOS) {
      const parsed = nanoMetadataSchema.safeParse({
        ...nano,
        licenseTerms: nano.licenseTerms ?? null,
        categoryIds: nano.categories.map(() => PLACEHOLDER_CATEGORY),
      });
      expect(parsed.success, nano.title).toBe(true);
      expect(nano.categories.length).toBeLessThanOrEqual(NANO_LIMITS.categoriesMax);
      expect(nano.tags.length, nano.title).toBeGreaterThanOrEqual(2);
      expect(nano.tags.length, nano.title).toBeLessThanOrEqual(6);
      expect(nano.license !== 'proprietary' || Boolean(nano.licenseTerms), nano.title).toBe(true);
      for (const question of nano.quiz ?? []) {
        expect(question.options[question.answer], question.question).toBeDefined();
      }
    }
    expect(new Set(DEMO_NANOS.map((nano) => nano.title)).size).toBe(DEMO_NANOS.length);
  });

  it('plans learning time that adds up to the stated duration', () => {
    for (const nano of DEMO_NANOS) {
      const minutes = timePlan(nano).reduce((sum, [, m]) => sum + m, 0);
      expect(minutes, nano.title).toBe(nano.durationMinutes);
    }
  });

  it('builds the same small ZIP every time', async () => {
    const [first] = DEMO_NANOS;
    if (!first) {
      throw new Error('no demo Nanos');
    }
    const a = await buildDemoZip(first, 'Volkshochschule Demo');
    const b = await buildDemoZip(first, 'Volkshochschule Demo');
    expect(a.equals(b)).toBe(true);
    expect(a.length).toBeLessThan(ZIP_MAX_BYTES);
  });

  it('gives each Nano a 3–6 page PDF, images, a README and for quizzes a self-contained web package', async () => {
    for (const nano of DEMO_NANOS) {
      const files = await buildDemoFiles(nano, 'Akademie Digital GmbH');
      const paths = Object.keys(files);
      const pdfPath = paths.find((p) => p.endsWith('.pdf')) ?? '';
      const pdf = await PDFDocument.load(files[pdfPath] ?? '');
      expect(pdf.getPageCount(), nano.title).toBeGreaterThanOrEqual(3);
      expect(pdf.getPageCount(), nano.title).toBeLessThanOrEqual(6);
      expect(pdf.getTitle()).toBeTruthy();
      const images = paths.filter((p) => p.endsWith('.png'));
      expect(images.length, nano.title).toBeGreaterThanOrEqual(1);
      expect(images.length, nano.title).toBeLessThanOrEqual(2);
      expect(paths).toContain('README.md');
      if (nano.quiz) {
        expect(paths).toEqual(expect.arrayContaining(['index.html', 'style.css', 'quiz.js']));
        expect(String(files['index.html'])).not.toMatch(/(src|href)="(https?:)?\/\//);
      } else {
        expect(paths).not.toContain('index.html');
      }
    }
  });
});
