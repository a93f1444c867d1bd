import { type GeneratedUser, generateUsers } from './people.ts';
import { apportion, Prng, WeightedPicker } from './prng.ts';
import { LANGUAGE_SHARES, nanoText } from './texts.ts';
import { TOPICS, type Topic } from './topics.ts';

/** The size of the dataset (SPEC §6: 100,000 Nanos, 20,000 users, 500,000 ratings). */
export interface DatasetPlan {
  seed: number;
  users: number;
  creators: number;
  nanos: number;
  ratings: number;
  /** Nanos with views in the last {@link TRENDING_DAYS} days (the "trending" block). */
  trendingNanos: number;
  /** "Now" of the dataset: every timestamp lies before it. */
  anchor: Date;
}

export const DEFAULT_PLAN: Omit<DatasetPlan, 'anchor'> = {
  seed: 20_261_126,
  users: 20_000,
  creators: 2_000,
  nanos: 100_000,
  ratings: 500_000,
  trendingNanos: 5_000,
};

const DAY_MS = 86_400_000;
/** Nanos were published over this many days before the anchor. */
const PUBLISHED_SPAN_DAYS = 730;
/** Accounts were created over this many days before the anchor. */
const ACCOUNT_SPAN_DAYS = 1_095;
export const TRENDING_DAYS = 7;
/** Creator productivity is Zipf-like with this exponent: a few organisations publish hundreds. */
const CREATOR_ZIPF = 0.6;
/** Share of a creator's Nanos on their own focus topics. */
const FOCUS_SHARE = 0.8;
/** Average stars of a Nano is drawn around this, each vote scatters around the Nano's own average. */
const QUALITY = { mean: 3.9, sd: 0.5, min: 2.2, max: 4.9, voteSd: 0.9 } as const;

const LEVELS: ReadonlyArray<[number, number]> = [
  [1, 45],
  [2, 35],
  [3, 20],
];
const FORMATS: ReadonlyArray<[string, number]> = [
  ['video', 40],
  ['text', 20],
  ['quiz', 10],
  ['interactive', 15],
  ['mixed', 15],
];
const LICENSES: ReadonlyArray<[string, number]> = [
  ['CC-BY-4.0', 35],
  ['CC-BY-SA-4.0', 15],
  ['CC0-1.0', 10],
  ['proprietary', 40],
];
/** Duration buckets in minutes (the search facet's buckets) and their share. */
const DURATIONS: ReadonlyArray<[[number, number], number]> = [
  [[1, 5], 25],
  [[6, 15], 35],
  [[16, 30], 20],
  [[31, 60], 15],
  [[61, 180], 4.5],
  [[181, 600], 0.5],
];

const picker = <T>(entries: ReadonlyArray<[T, number]>) =>
  new WeightedPicker(
    entries.map(([value]) => value),
    entries.map(([, weight]) => weight),
  );

export interface GeneratedNano {
  id: string;
  creatorId: string;
  title: string;
  description: string;
  durationMinutes: number;
  level: number;
  language: string;
  format: string;
  license: string;
  licenseTerms: string | null;
  tags: string[];
  downloadAllowed: boolean;
  /** Child category slugs, the topic's own first. */
  categories: string[];
  createdAt: Date;
  publishedAt: Date;
  viewCount: number;
  favoriteCount: number;
  ratingCount: number;
  ratingAvg: number | null;
  version: { id: string; sha256: string; sizeBytes: number; createdAt: Date };
}

export interface GeneratedView {
  nanoId: string;
  viewerKey: string;
  /** YYYY-MM-DD */
  day: string;
}

export interface Dataset {
  users: GeneratedUser[];
  nanos: GeneratedNano[];
  views: GeneratedView[];
  /** Individual 1–5 star votes drawn (they exist only as the Nanos' aggregates). */
  ratingVotes: number;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** Builds the whole dataset in memory; the same plan gives the same dataset, byte for byte. */
export function generateDataset(plan: DatasetPlan): Dataset {
  const root = new Prng(plan.seed);
  const now = plan.anchor.getTime();
  const categorySlugs = TOPICS.map((t) => t.category);
  const users = generateUsers(root.fork('users'), {
    users: plan.users,
    creators: plan.creators,
    from: new Date(now - ACCOUNT_SPAN_DAYS * DAY_MS),
    to: new Date(now - DAY_MS),
    categorySlugs,
  });
  const creators = users.filter((u) => u.role === 'creator');
  const nanos = generateNanos(root.fork('nanos'), plan, creators);
  const ratingVotes = assignRatings(root.fork('ratings'), plan, nanos);
  const views = generateViews(root.fork('views'), plan, nanos, users);
  return { users, nanos, views, ratingVotes };
}

function generateNanos(prng: Prng, plan: DatasetPlan, creators: GeneratedUser[]): GeneratedNano[] {
  const now = plan.anchor.getTime();
  const topicPicker = new WeightedPicker(
    TOPICS,
    TOPICS.map((t) => t.weight),
  );
  const creatorPicker = new WeightedPicker(
    creators,
    creators.map((_, rank) => 1 / (rank + 1) ** CREATOR_ZIPF),
  );
  const focus = new Map<string, Topic[]>(
    creators.map((c) => [c.id, Array.from({ length: prng.int(1, 3) }, () => topicPicker.pick(prng))]),
  );
  const languages = picker(LANGUAGE_SHARES);
  const levels = picker(LEVELS);
  const formats = picker(FORMATS);
  const licenses = picker(LICENSES);
  const durations = picker(DURATIONS);

  const nanos: GeneratedNano[] = [];
  for (let i = 0; i < plan.nanos; i++) {
    const creator = creatorPicker.pick(prng);
    const topic = prng.chance(FOCUS_SHARE)
      ? prng.pick(focus.get(creator.id) ?? TOPICS)
      : topicPicker.pick(prng);
    const language = languages.pick(prng);
    const level = levels.pick(prng);
    const [minDuration, maxDuration] = durations.pick(prng);
    // Denser towards the anchor: the platform grows.
    const ageMs = PUBLISHED_SPAN_DAYS * DAY_MS * prng.next() ** 1.5;
    const earliest = creator.createdAt.getTime() + DAY_MS;
    const drawn = now - ageMs;
    // A Nano is never older than its creator's account.
    const publishedAt = new Date(drawn >= earliest ? drawn : earliest + prng.next() * (now - earliest));
    const createdAt = new Date(publishedAt.getTime() - prng.int(1, 30) * DAY_MS * prng.next());
    const license = licenses.pick(prng);
    const text = nanoText(prng, topic, language, level);
    nanos.push({
      id: prng.uuidV7(createdAt),
      creatorId: creator.id,
      ...text,
      durationMinutes: prng.int(minDuration, maxDuration),
      level,
      language,
      format: formats.pick(prng),
      license,
      licenseTerms:
        license === 'proprietary'
          ? 'Nutzung nur innerhalb der eigenen Organisation; Weitergabe und Veröffentlichung nicht gestattet.'
          : null,
      downloadAllowed: license !== 'proprietary' && prng.chance(0.6),
      categories: categoriesOf(prng, topic),
      createdAt,
      publishedAt,
      viewCount: 0,
      favoriteCount: 0,
      ratingCount: 0,
      ratingAvg: null,
      version: {
        id: prng.uuidV7(new Date(createdAt.getTime() + 60_000)),
        sha256: prng.hex(64),
        sizeBytes: Math.round(clamp(Math.exp(13 + 1.5 * prng.normal()), 20_000, 500_000_000)),
        createdAt: new Date(createdAt.getTime() + 60_000),
      },
    });
  }
  return nanos;
}

/** 1–3 child categories: the topic's own, sometimes a sibling or another topic's. */
function categoriesOf(prng: Prng, topic: Topic): string[] {
  const slugs = new Set([topic.category]);
  const extra = prng.chance(0.15) ? 2 : prng.chance(0.45) ? 1 : 0;
  const parent = topic.category.split('-')[0] ?? '';
  const siblings = TOPICS.filter((t) => t.category.startsWith(`${parent}-`) && t !== topic);
  for (let k = 0; k < extra; k++) {
    const pool = prng.chance(0.7) && siblings.length > 0 ? siblings : TOPICS;
    slugs.add(prng.pick(pool).category);
  }
  return [...slugs];
}

/**
 * Draws `plan.ratings` individual votes and folds them into each Nano's rating_count and
 * rating_avg (there is no ratings table yet). Popular, older Nanos get more votes; most get few.
 * Also derives view and favourite counters from the same popularity. Returns the votes drawn.
 */
function assignRatings(prng: Prng, plan: DatasetPlan, nanos: GeneratedNano[]): number {
  const now = plan.anchor.getTime();
  const popularity = nanos.map((nano) => {
    const ageDays = (now - nano.publishedAt.getTime()) / DAY_MS;
    return Math.exp(1.1 * prng.normal()) * (0.3 + 0.7 * Math.min(1, ageDays / 120));
  });
  const counts = apportion(plan.ratings, popularity);
  let votes = 0;
  nanos.forEach((nano, i) => {
    const count = counts[i] ?? 0;
    const quality = clamp(QUALITY.mean + QUALITY.sd * prng.normal(), QUALITY.min, QUALITY.max);
    let sum = 0;
    for (let v = 0; v < count; v++) {
      sum += clamp(Math.round(quality + QUALITY.voteSd * prng.normal()), 1, 5);
    }
    votes += count;
    nano.ratingCount = count;
    nano.ratingAvg = count > 0 ? Math.round((sum / count) * 1000) / 1000 : null;
    nano.viewCount = Math.round(count * (8 + 20 * prng.next()) + (popularity[i] ?? 0) * 30 + prng.int(0, 20));
    nano.favoriteCount = Math.round(nano.viewCount * (0.01 + 0.06 * prng.next()));
  });
  return votes;
}

/** Views per day of the last week for the most popular recent Nanos (one row per viewer and day). */
function generateViews(prng: Prng, plan: DatasetPlan, nanos: GeneratedNano[], users: GeneratedUser[]) {
  const now = plan.anchor.getTime();
  const weights = nanos.map((nano) => {
    const ageDays = (now - nano.publishedAt.getTime()) / DAY_MS;
    return (nano.viewCount + 1) / (1 + ageDays / 30);
  });
  const chosen = new Set<GeneratedNano>();
  const nanoPicker = new WeightedPicker(nanos, weights);
  for (
    let guard = 0;
    chosen.size < Math.min(plan.trendingNanos, nanos.length) && guard < plan.nanos * 20;
    guard++
  ) {
    chosen.add(nanoPicker.pick(prng));
  }
  const views: GeneratedView[] = [];
  for (const nano of chosen) {
    const perDay = 1 + Math.min(40, Math.floor(Math.sqrt(nano.viewCount) / 2));
    for (let d = 0; d < TRENDING_DAYS; d++) {
      const day = new Date(now - d * DAY_MS).toISOString().slice(0, 10);
      const viewers = new Set<string>();
      const n = prng.int(0, perDay);
      for (let v = 0; v < n; v++) {
        viewers.add(`u:${prng.pick(users).id}`);
      }
      for (const viewerKey of viewers) {
        views.push({ nanoId: nano.id, viewerKey, day });
      }
    }
  }
  return views;
}
