import { Prng, WeightedPicker } from '../generate/prng.ts';
import { COMPOUND_HEADS, COMPOUND_TAILS, SECTORS } from '../generate/texts.ts';
import { TOPICS } from '../generate/topics.ts';

/**
 * The request mix of the search scenarios, drawn from the vocabulary the dataset generator writes
 * titles, tags and descriptions from: what people type into a search box of this catalogue.
 * Deterministic (own seed), so two runs send the same requests in the same order.
 */

/** Share of each kind of request (SPEC §6 bench, issue 5). */
export const MIX = {
  words: 60,
  filters: 15,
  sorts: 10,
  typos: 10,
  browse: 5,
} as const;
/** Distinct entries of the search list and of the suggest list. */
export const SEARCH_LIST_SIZE = 1_000;
export const SUGGEST_LIST_SIZE = 500;
const SEED = 5;

/** Typed wrong, as people do; the search falls back to trigram similarity ("did you mean"). */
const TYPOS = [
  'Exel',
  'Pyhton',
  'Projektmanagment',
  'Datenschuz',
  'Kommunikaton',
  'Fürung',
  'Buchaltung',
  'Pivot Tabelen',
  'Scurm',
  'Prasentation',
  'Konfliktmanagment',
  'Arbeitschutz',
  'Cybersecurty',
  'Qualitätsmangement',
  'Zeitmanagment',
  'Javascrpit',
  'exel pivot',
  'Datenanalse',
  'Resilenz',
  'Verhandlug',
  'Kanbam',
  'Phising',
];
/** Words no Nano contains: zero hits, then the typo fallback finds nothing close either. */
const UNKNOWN = ['Blockchain', 'Quantencomputing', 'Tischtennis', 'Imkerei', 'Origami', 'Astrophysik'];
const STOP_WORDS = new Set(
  'und oder für mit der die das den dem des ein eine im in am an auf aus zu von bei and or for with the a an of to in on at by from your'.split(
    ' ',
  ),
);
const SORTS = ['newest', 'rating', 'popular', 'duration'] as const;

export interface CategoryIds {
  parents: string[];
  children: string[];
}

const words = (phrase: string) =>
  phrase
    .split(/[\s:()/,]+/)
    .filter((w) => w.length >= 3 && !STOP_WORDS.has(w.toLowerCase()) && !/^\d+$/.test(w));

/** Term pools: common words first (topic areas and tags), the long tail after. */
function pools() {
  const topicPicker = new WeightedPicker(
    TOPICS,
    TOPICS.map((t) => t.weight),
  );
  return {
    topicPicker,
    rare: [
      ...SECTORS.de.map((s) => s.split(' ').pop() ?? s),
      ...COMPOUND_HEADS.slice(0, 12).map((head, i) => `${head}${COMPOUND_TAILS[i % COMPOUND_TAILS.length]}`),
      ...TOPICS.filter((t) => t.weight <= 2).flatMap((t) => t.subjects.de.slice(-3).flatMap(words)),
    ],
  };
}

function casing(prng: Prng, text: string): string {
  return prng.chance(0.5) ? text.toLowerCase() : text;
}

/** One- and two-word queries in German and English, common and rare. */
function textQuery(prng: Prng, p: ReturnType<typeof pools>): string {
  const roll = prng.next();
  if (roll < 0.03) {
    return prng.pick(UNKNOWN);
  }
  if (roll < 0.15) {
    return casing(prng, prng.pick(p.rare));
  }
  const topic = p.topicPicker.pick(prng);
  const lang = prng.chance(0.72) ? 'de' : 'en';
  const subjectWords = words(prng.pick(topic.subjects[lang].slice(0, 8)));
  const kind = prng.next();
  if (kind < 0.3) {
    return casing(prng, topic.area[lang]);
  }
  if (kind < 0.5) {
    return casing(prng, prng.pick(topic.tags));
  }
  if (kind < 0.75 || subjectWords.length < 2) {
    const word = prng.pick(subjectWords.length > 0 ? subjectWords : [topic.area[lang]]);
    return casing(prng, prng.chance(0.4) && word !== topic.area[lang] ? `${topic.area[lang]} ${word}` : word);
  }
  return casing(prng, subjectWords.slice(0, 2).join(' '));
}

function filterParams(prng: Prng, categories: CategoryIds): string[] {
  // One option per parameter family, so no parameter repeats with contradicting values.
  const families: Array<Array<() => string[]>> = [
    [() => [`level=${prng.int(1, 3)}`], () => ['level=1', 'level=2']],
    [() => [`language=${prng.chance(0.75) ? 'de' : 'en'}`]],
    [
      () => [`category=${prng.pick(categories.children)}`],
      () => [`category=${prng.pick(categories.parents)}`],
    ],
    [() => ['durationMax=15'], () => ['durationMin=16', 'durationMax=60']],
    [() => [`minRating=${prng.pick(['4', '4.5'])}`]],
  ];
  return prng.sample(families, prng.chance(0.35) ? 2 : 1).flatMap((family) => prng.pick(family)());
}

const searchPath = (params: string[]) => `/api/v1/search?${params.join('&')}`;
const qParam = (q: string) => `q=${encodeURIComponent(q)}`;

/** {@link SEARCH_LIST_SIZE} request paths of `GET /api/v1/search`, in the shares of {@link MIX}, shuffled. */
export function searchPaths(categories: CategoryIds): string[] {
  if (categories.children.length === 0 || categories.parents.length === 0) {
    throw new Error('the search mix needs the category tree (GET /api/v1/categories)');
  }
  const prng = new Prng(SEED);
  const p = pools();
  const total = Object.values(MIX).reduce((sum, share) => sum + share, 0);
  const count = (share: number) => Math.round((SEARCH_LIST_SIZE * share) / total);
  const paths: string[] = [];
  for (let i = 0; i < count(MIX.words); i++) {
    paths.push(searchPath([qParam(textQuery(prng, p))]));
  }
  for (let i = 0; i < count(MIX.filters); i++) {
    paths.push(searchPath([qParam(textQuery(prng, p)), ...filterParams(prng, categories)]));
  }
  for (let i = 0; i < count(MIX.sorts); i++) {
    paths.push(searchPath([qParam(textQuery(prng, p)), `sort=${prng.pick(SORTS)}`]));
  }
  for (let i = 0; i < count(MIX.typos); i++) {
    paths.push(searchPath([qParam(prng.pick(TYPOS))]));
  }
  for (let i = 0; i < count(MIX.browse); i++) {
    const category = prng.chance(0.6) ? prng.pick(categories.children) : prng.pick(categories.parents);
    paths.push(
      searchPath([`category=${category}`, ...(prng.chance(0.5) ? [`sort=${prng.pick(SORTS)}`] : [])]),
    );
  }
  return prng.sample(paths, paths.length);
}

/** {@link SUGGEST_LIST_SIZE} paths of `GET /api/v1/search/suggest` with 2–6 typed characters. */
export function suggestPaths(): string[] {
  const prng = new Prng(SEED + 1);
  const p = pools();
  const paths: string[] = [];
  for (let i = 0; i < SUGGEST_LIST_SIZE; i++) {
    const word = textQuery(prng, p).split(' ')[0] ?? 'Excel';
    const length = Math.min(word.length, prng.pick([2, 3, 3, 4, 4, 5, 6]));
    const prefix = word.slice(0, Math.max(2, length));
    paths.push(`/api/v1/search/suggest?q=${encodeURIComponent(casing(prng, prefix))}`);
  }
  return paths;
}
