/**
 * The subjects the generated Nanos are about: one entry per child category of the seeded
 * taxonomy (migration 0001), with German and English subjects and tags. Subjects at the start of
 * a list are drawn more often than those at the end, so common words ("Excel", "Pivot-Tabellen")
 * and rare ones ("Gefährdungsbeurteilung", "Kreuztabellen") both occur, as in a real catalogue.
 */
export interface Topic {
  /** Slug of the child category (categories.slug). */
  category: string;
  /** Relative share of the catalogue. */
  weight: number;
  area: { de: string; en: string };
  subjects: { de: string[]; en: string[] };
  tags: string[];
}

const list = (value: string) => value.split('|');

export function topic(
  category: string,
  weight: number,
  areaDe: string,
  areaEn: string,
  de: string,
  en: string,
  tags: string,
): Topic {
  return {
    category,
    weight,
    area: { de: areaDe, en: areaEn },
    subjects: { de: list(de), en: list(en) },
    tags: list(tags),
  };
}

/** Tags any Nano may carry, by language. */
export const GENERIC_TAGS = {
  de: list(
    'Grundlagen|Praxis|Einsteiger|Fortgeschrittene|Checkliste|Übung|Tutorial|Homeoffice|Prüfungsvorbereitung|Weiterbildung|Berufsalltag|Quiz|Selbstlernkurs',
  ),
  en: list(
    'basics|hands-on|beginner|advanced|checklist|exercise|tutorial|remote work|exam prep|upskilling|workplace|quiz|self-paced',
  ),
} as const;
