import type { Prng } from './prng.ts';
import { GENERIC_TAGS, type Topic } from './topics.ts';

/** Languages the generated Nanos are written in and their share (SPEC: mostly German). */
export const LANGUAGE_SHARES: ReadonlyArray<[string, number]> = [
  ['de', 70],
  ['en', 25],
  ['fr', 1.2],
  ['es', 1],
  ['it', 0.8],
  ['nl', 0.6],
  ['pl', 0.5],
  ['tr', 0.4],
  ['uk', 0.3],
  ['ar', 0.2],
];

const TITLE_MAX = 200;
const DESCRIPTION_MAX = 1000;
const TAGS_MAX = 10;
/** Share of German and English titles tailored to a sector. */
const SECTOR_SHARE = 0.35;
/** Share of German Nanos with a compound-noun tag. */
const COMPOUND_TAG_SHARE = 0.4;
/** Share of those compounds with a modifier in front. */
const COMPOUND_MODIFIER_SHARE = 0.6;

const upperFirst = (s: string) => (s ? s[0]?.toUpperCase() + s.slice(1) : s);

/**
 * Title patterns: `{S}` is the subject, `{A}` the area ("Excel", "Datenschutz"); descriptions also
 * use `{T}` (a second subject), `{C}` (a workplace) and `{U}` (an audience).
 */
const TITLES: Record<'de' | 'en', string[]> = {
  de: [
    '{S} für Einsteiger',
    '{A}: {S} verständlich erklärt',
    '{S} in 10 Minuten',
    'Grundlagen: {S}',
    '{S} – Praxisbeispiele aus dem Arbeitsalltag',
    'Schritt für Schritt: {S}',
    '{S} für Fortgeschrittene',
    '{A} kompakt: {S}',
    'Häufige Fehler bei {S} vermeiden',
    '{S} im Team einführen',
    'Checkliste {S}',
    '{S}: Tipps und Tricks',
    'Einführung in {S}',
    '{S} sicher anwenden',
    '{S} im Überblick',
    'Workshop: {S}',
    '{S} – das Wichtigste auf einen Blick',
    'Praxisleitfaden {S}',
  ],
  en: [
    '{S} for beginners',
    '{A}: {S} explained',
    '{S} in 10 minutes',
    'Getting started with {S}',
    'Advanced {S}',
    '{S}: tips and tricks',
    'Common mistakes in {S}',
    'A practical guide to {S}',
    '{A} essentials: {S}',
    'Step by step: {S}',
    '{S} checklist',
    'Mastering {S}',
    '{S} at a glance',
    'Workshop: {S}',
  ],
};

/** Patterns of the other languages; their subjects are the English ones (Excel, Scrum, ...). */
const OTHER_TITLES: Record<string, string[]> = {
  fr: ['{S} pour débutants', 'Introduction : {S}', '{S} – les bases'],
  es: ['{S} para principiantes', 'Introducción a {S}', '{S} paso a paso'],
  it: ['{S} per principianti', 'Introduzione a {S}', '{S} in pratica'],
  nl: ['{S} voor beginners', 'Introductie: {S}', '{S} in de praktijk'],
  pl: ['{S} dla początkujących', 'Wprowadzenie: {S}', '{S} w praktyce'],
  tr: ['Yeni başlayanlar için {S}', '{S}: temel bilgiler', 'Adım adım {S}'],
  uk: ['{S} для початківців', 'Вступ: {S}', '{S} на практиці'],
  ar: ['{S} للمبتدئين', 'مقدمة: {S}', '{S} خطوة بخطوة'],
};

const OTHER_DESCRIPTIONS: Record<string, string> = {
  fr: 'Une unité courte et pratique sur {S}, avec exercices et quiz.',
  es: 'Una unidad breve y práctica sobre {S}, con ejercicios y un cuestionario.',
  it: 'Un’unità breve e pratica su {S}, con esercizi e quiz finale.',
  nl: 'Een korte, praktische les over {S}, met oefeningen en een quiz.',
  pl: 'Krótka, praktyczna lekcja o {S}, z ćwiczeniami i quizem.',
  tr: '{S} hakkında alıştırmalar ve test içeren kısa, pratik bir ders.',
  uk: 'Коротке практичне заняття про {S} з вправами та тестом.',
  ar: 'وحدة قصيرة وعملية حول {S} مع تمارين واختبار.',
};

/** Sectors a Nano is tailored to: the long tail of title words ("… im Einzelhandel"). */
export const SECTORS = {
  de: (
    'im Einzelhandel|in der Gastronomie|im Handwerk|im Krankenhaus|in der Steuerkanzlei|im Autohaus|in der Bäckerei|' +
    'in der Kommunalverwaltung|im Maschinenbau|in der Altenpflege|in der Kita|im Hotel|in der Apotheke|im Labor|' +
    'in der Landwirtschaft|im Onlinehandel|in der Versicherung|in der Bank|im Verein|in der Arztpraxis|im Start-up|' +
    'im Callcenter|in der Spedition|im Bauunternehmen|in der Schule|an der Hochschule|im Museum|in der Bibliothek'
  ).split('|'),
  en: (
    'in retail|in hospitality|for tradespeople|in hospitals|for tax advisers|at car dealerships|in bakeries|' +
    'in local government|in manufacturing|in elderly care|in nurseries|in hotels|in pharmacies|in laboratories|' +
    'in agriculture|in e-commerce|in insurance|in banking|for clubs and charities|in medical practices|in start-ups|' +
    'in call centres|in freight forwarding|in construction firms|in schools|at universities|in museums|in libraries'
  ).split('|'),
};

/** Parts of German compound nouns ("Kundenbindungsstrategie"), a tag now and then. */
export const COMPOUND_HEADS = (
  'Daten|Projekt|Kunden|Team|Lern|Arbeits|Sicherheits|Qualitäts|Personal|Finanz|Energie|Pflege|Prüfungs|Wissens|' +
  'Change|Innovations|Kommunikations|Konflikt|Budget|Risiko|Prozess|Vertriebs|Schulungs|Gesundheits|Nachhaltigkeits|' +
  'Dokumenten|Termin|Ziel|Entscheidungs|Führungs|Verhandlungs|Bewerbungs|Mitarbeiter|Lieferanten|Service'
).split('|');
/** First parts of hyphenated compounds ("Quartals-Budgetbericht"): the long tail of tags. */
export const COMPOUND_MODIFIERS = (
  'Online|Team|Basis|Praxis|Digital|Agil|Kompakt|Jahres|Monats|Wochen|Tages|Mini|Experten|Profi|Quartals|Lean|' +
  'Hybrid|Remote|Kurz|Standard|Sofort|Notfall|Gruppen|Einzel|Kommunal|Betriebs|Abteilungs|Unternehmens|Bereichs|Projekt|' +
  'Kunden|Azubi|Senior|Junior|Global|Regional|Intern|Extern|Mobil|Visual'
).split('|');
export const COMPOUND_TAILS = (
  'analyse|planung|gespräch|kultur|strategie|handbuch|konzept|prozess|bericht|management|check|leitfaden|' +
  'kompetenz|werkzeuge|vorlage|matrix|kennzahlen|workshop|training|routine|protokoll|bewertung|steuerung|' +
  'dokumentation|optimierung|methoden|portfolio|richtlinie|sprechstunde|coaching'
).split('|');

const AUDIENCES = {
  de: [
    'Fachkräfte in der Verwaltung',
    'Führungskräfte',
    'Auszubildende',
    'Lehrkräfte und Trainer',
    'Pflegekräfte',
    'Quereinsteigerinnen und Quereinsteiger',
    'Studierende',
    'Selbstständige',
    'Beschäftigte im öffentlichen Dienst',
    'Teams im Mittelstand',
  ],
  en: [
    'office professionals',
    'team leads',
    'apprentices',
    'teachers and trainers',
    'nurses',
    'career changers',
    'students',
    'freelancers',
    'public sector staff',
    'small business teams',
  ],
};

const CONTEXTS = {
  de: [
    'der Personalabteilung',
    'dem Einkauf',
    'einer Arztpraxis',
    'einem mittelständischen Unternehmen',
    'der öffentlichen Verwaltung',
    'einer Volkshochschule',
    'einem Handwerksbetrieb',
    'dem Kundenservice',
    'einer Kita',
    'dem Vertriebsinnendienst',
  ],
  en: [
    'an HR department',
    'procurement',
    'a medical practice',
    'a mid-sized company',
    'local government',
    'a community college',
    'a craft business',
    'customer service',
    'a nursery',
    'inside sales',
  ],
};

const DESCRIPTION_SENTENCES = {
  de: [
    'In dieser Lerneinheit lernen Sie {S} kennen.',
    'Anhand eines Beispiels aus {C} zeigen wir, wie {T} im Alltag funktioniert.',
    'Die Einheit richtet sich an {U}.',
    'Am Ende können Sie {S} selbstständig anwenden und typische Fehler vermeiden.',
    'Mit Übungsaufgaben, Checkliste und kurzem Quiz zur Selbstkontrolle.',
    'Vorkenntnisse in {A} sind hilfreich, aber nicht erforderlich.',
    'Sie erhalten eine Vorlage zum Herunterladen, die Sie direkt weiterverwenden können.',
    'Kurze Videos und anschauliche Grafiken erklären die wichtigsten Begriffe rund um {T}.',
    'Wir vergleichen {S} mit {T} und zeigen, wann sich welcher Ansatz lohnt.',
    'Ideal als Auffrischung vor der nächsten Prüfung oder dem nächsten Projekt.',
    'Die Inhalte entsprechen dem aktuellen Stand und werden regelmäßig überarbeitet.',
  ],
  en: [
    'In this unit you get to know {S}.',
    'Using an example from {C}, we show how {T} works in practice.',
    'This unit is aimed at {U}.',
    'By the end you can apply {S} on your own and avoid typical mistakes.',
    'Includes exercises, a checklist and a short quiz to check your understanding.',
    'Some experience with {A} helps but is not required.',
    'You get a downloadable template you can reuse right away.',
    'Short videos and clear graphics explain the key terms around {T}.',
    'We compare {S} with {T} and show when each approach pays off.',
    'Ideal as a refresher before your next exam or project.',
    'The content is up to date and reviewed regularly.',
  ],
};

/** Subject index skewed towards the start of the list (common subjects first, rare ones last). */
function subjectIndex(prng: Prng, length: number): number {
  return Math.min(length - 1, Math.floor(length * prng.next() ** 1.6));
}

export interface NanoText {
  title: string;
  description: string;
  tags: string[];
}

function fill(pattern: string, slots: Record<string, string>): string {
  return pattern.replace(/\{([SATCU])\}/g, (_, slot: string) => slots[slot] ?? '');
}

/** Title, description and tags of one Nano about `topic` in `language`. */
export function nanoText(prng: Prng, topic: Topic, language: string, level: number): NanoText {
  const lang: 'de' | 'en' = language === 'de' ? 'de' : 'en';
  const subjects = topic.subjects[lang];
  const i = subjectIndex(prng, subjects.length);
  const subject = subjects[i] ?? topic.area[lang];
  const other = subjects[(i + 1 + prng.int(0, subjects.length - 2)) % subjects.length] ?? subject;
  const slots = {
    S: subject,
    A: topic.area[lang],
    T: other,
    C: prng.pick(CONTEXTS[lang]),
    U: prng.pick(AUDIENCES[lang]),
  };

  let title: string;
  let description: string;
  if (language === 'de' || language === 'en') {
    title = upperFirst(fill(prng.pick(TITLES[lang]), slots));
    if (prng.chance(SECTOR_SHARE)) {
      title = `${title} ${prng.pick(SECTORS[lang])}`;
    }
    const sentences = prng.sample(DESCRIPTION_SENTENCES[lang], prng.int(2, 5));
    description = sentences.map((s) => fill(s, slots)).join(' ');
  } else {
    title = upperFirst(fill(prng.pick(OTHER_TITLES[language] ?? TITLES.en), slots));
    description = `${fill(OTHER_DESCRIPTIONS[language] ?? '', slots)} ${fill(prng.pick(DESCRIPTION_SENTENCES.en), slots)}`;
  }

  const levelTag =
    lang === 'de' ? ['Einsteiger', 'Fortgeschrittene', 'Profi'] : ['beginner', 'intermediate', 'expert'];
  const tags = new Set<string>([
    ...prng.sample(topic.tags, prng.int(1, 3)),
    ...(prng.chance(0.5) ? [levelTag[level - 1] ?? ''] : []),
    ...prng.sample(GENERIC_TAGS[lang], prng.int(0, 2)),
  ]);
  // A subject short enough to be a tag of its own ("Pivot-Tabellen", "Scrum").
  if (subject.length <= 24 && !subject.includes(' ') && prng.chance(0.6)) {
    tags.add(subject);
  }
  if (lang === 'de' && prng.chance(COMPOUND_TAG_SHARE)) {
    const compound = `${prng.pick(COMPOUND_HEADS)}${prng.pick(COMPOUND_TAILS)}`;
    tags.add(
      prng.chance(COMPOUND_MODIFIER_SHARE) ? `${prng.pick(COMPOUND_MODIFIERS)}-${compound}` : compound,
    );
  }
  tags.delete('');
  return {
    title: title.slice(0, TITLE_MAX),
    description: description.slice(0, DESCRIPTION_MAX),
    tags: [...tags].slice(0, TAGS_MAX),
  };
}
