import type { DemoNano } from './demo-nano.ts';

/** The fixed wording of generated demo content, in the Nano's own language. */
export interface DemoLabels {
  provider: string;
  minutes: string;
  levels: readonly [string, string, string];
  languageName: string;
  license: string;
  overview: string;
  goals: string;
  exercise: (heading: string) => string;
  notes: string;
  summary: string;
  nextSteps: readonly string[];
  keywords: string;
  page: (page: number, total: number) => string;
  demoNotice: string;
  timePlan: string;
  intro: string;
  wrapUp: string;
  quizTitle: string;
  quizCheck: string;
  /** `{correct}` and `{total}` are filled in by quiz.js. */
  quizResult: string;
  contents: string;
  imagesDir: string;
  overviewImage: string;
  timePlanImage: string;
  pdfDescription: string;
  packageDescription: string;
}

const DE: DemoLabels = {
  provider: 'Anbieter',
  minutes: 'Minuten',
  levels: ['Grundlagen', 'Fortgeschritten', 'Experte'],
  languageName: 'Deutsch',
  license: 'Lizenz',
  overview: 'Worum es geht',
  goals: 'Das lernen Sie',
  exercise: (heading) =>
    `Übung: Suchen Sie ein Beispiel aus Ihrem Arbeitsalltag, bei dem "${heading}" eine Rolle spielt, und notieren Sie, was Sie künftig anders machen.`,
  notes: 'Notizen',
  summary: 'Zusammenfassung',
  nextSteps: [
    'Wählen Sie einen Punkt aus, den Sie in dieser Woche ausprobieren.',
    'Besprechen Sie Ihre Erfahrungen mit Kolleginnen und Kollegen.',
    'Wiederholen Sie die Einheit in zwei Wochen und prüfen Sie Ihren Fortschritt.',
  ],
  keywords: 'Schlagworte',
  page: (page, total) => `Seite ${page} von ${total}`,
  demoNotice: 'Demo-Inhalt des Nano-Marktplatzes',
  timePlan: 'So verteilt sich die Lernzeit (Minuten)',
  intro: 'Einstieg',
  wrapUp: 'Abschluss',
  quizTitle: 'Wissens-Check',
  quizCheck: 'Antworten prüfen',
  quizResult: '{correct} von {total} Fragen richtig beantwortet.',
  contents: 'Inhalt',
  imagesDir: 'bilder',
  overviewImage: '01-ueberblick.png',
  timePlanImage: '02-zeitplan.png',
  pdfDescription: 'Skript zum Ausdrucken und Nachlesen',
  packageDescription: 'Interaktive Lerneinheit mit Quiz (index.html im Browser öffnen)',
};

const EN: DemoLabels = {
  provider: 'Provider',
  minutes: 'minutes',
  levels: ['Basics', 'Intermediate', 'Expert'],
  languageName: 'English',
  license: 'Licence',
  overview: 'What this unit is about',
  goals: 'You will learn',
  exercise: (heading) =>
    `Exercise: Think of a situation from your own work where "${heading}" matters, and note what you will do differently next time.`,
  notes: 'Notes',
  summary: 'Summary',
  nextSteps: [
    'Pick one point and try it out this week.',
    'Discuss your experience with a colleague.',
    'Revisit this unit in two weeks and check your progress.',
  ],
  keywords: 'Keywords',
  page: (page, total) => `Page ${page} of ${total}`,
  demoNotice: 'Demo content of the Nano-Marktplatz',
  timePlan: 'How the learning time is spent (minutes)',
  intro: 'Introduction',
  wrapUp: 'Wrap-up',
  quizTitle: 'Knowledge check',
  quizCheck: 'Check answers',
  quizResult: '{correct} of {total} questions answered correctly.',
  contents: 'Contents',
  imagesDir: 'images',
  overviewImage: '01-overview.png',
  timePlanImage: '02-time-plan.png',
  pdfDescription: 'Handout to print and read',
  packageDescription: 'Interactive unit with a quiz (open index.html in a browser)',
};

/** The labels for a Nano's language. */
export function labelsFor(nano: Pick<DemoNano, 'language'>): DemoLabels {
  return nano.language === 'de' ? DE : EN;
}

/** The name of a competency level (1–3) in the Nano's language. */
export function levelName(nano: Pick<DemoNano, 'language' | 'level'>): string {
  return labelsFor(nano).levels[nano.level - 1] ?? '';
}

/** Words of the licence as shown in generated files, with the link to its legal text. */
export function licenseLine(nano: Pick<DemoNano, 'license' | 'licenseTerms'>): string {
  switch (nano.license) {
    case 'CC-BY-4.0':
      return 'CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)';
    case 'CC-BY-SA-4.0':
      return 'CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)';
    case 'CC0-1.0':
      return 'CC0 1.0 (https://creativecommons.org/publicdomain/zero/1.0/)';
    case 'proprietary':
      return nano.licenseTerms ?? '';
  }
}

/** A file-name friendly form of a title: lower-case ASCII words joined by hyphens. */
export function fileSlug(title: string): string {
  return (
    title
      .replace(/ß/g, 'ss')
      .replace(/[äöü]/gi, (c) => ({ ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' })[c] ?? c)
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60)
      .replace(/-$/, '') || 'nano'
  );
}
