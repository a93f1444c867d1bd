import type { NANO_FORMATS, NANO_LICENSES } from '@nano/contracts';

/** Where the seeder leaves a demo Nano: it walks the real workflow up to this status. */
export type DemoTargetStatus = 'published' | 'pending_review' | 'changes_requested' | 'draft';

/** One question of the small quiz inside a demo HTML package. */
export interface DemoQuizQuestion {
  question: string;
  options: string[];
  /** Index into `options` of the right answer. */
  answer: number;
}

/** A hand-written demo Nano: its metadata, the content its generated ZIP holds, and its target status. */
export interface DemoNano {
  /** Username of one of the demo creator accounts. */
  creator: string;
  title: string;
  description: string;
  /** Slugs of the seeded category tree (migration 0001). */
  categories: string[];
  durationMinutes: number;
  level: 1 | 2 | 3;
  language: 'de' | 'en';
  format: (typeof NANO_FORMATS)[number];
  license: (typeof NANO_LICENSES)[number];
  /** Required for the proprietary licence. */
  licenseTerms?: string;
  tags: string[];
  downloadAllowed: boolean;
  status: DemoTargetStatus;
  /** Key points as [heading, explanation]: the PDF's content pages and the overview diagram. */
  points: Array<[string, string]>;
  /** Questions of an interactive quiz; a Nano with questions ships as an HTML package. */
  quiz?: DemoQuizQuestion[];
}

/** Terms of the German providers who sell in-house licences. */
export const TERMS_INTERNAL_DE =
  'Nutzung ausschließlich für die interne Weiterbildung der eigenen Organisation. Weitergabe an Dritte, ' +
  'Veröffentlichung und Bearbeitung nur mit schriftlicher Zustimmung des Anbieters.';

/** Terms of the trainer's own material: use in her courses and by their participants only. */
export const TERMS_TRAINER_DE =
  'Die Inhalte dürfen von Teilnehmenden für das eigene Lernen genutzt werden. Der Einsatz in Seminaren ' +
  'oder Schulungen Dritter erfordert eine Lizenz von Meyer Kommunikationstraining.';

/** The English counterpart of {@link TERMS_INTERNAL_DE}. */
export const TERMS_INTERNAL_EN =
  'For internal training within your own organisation only. Redistribution, publication or ' +
  "modification requires the provider's written consent.";
