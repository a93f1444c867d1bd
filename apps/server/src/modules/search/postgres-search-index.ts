import {
  DURATION_BUCKETS,
  type FacetCount,
  SEARCH_FACETS,
  type SearchFacet,
  type SearchSort,
  type Suggestion,
} from '@nano/contracts';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { RANK_PRECISION, RANK_WEIGHTS, TYPO_MIN_SIMILARITY } from './ranking.ts';
import type { IndexedNano, IndexQuery, SearchIndex } from './search-index.ts';

type Db = Kysely<Database>;
type Condition = RawBuilder<boolean>;

/** Candidates the typo correction compares per word (closest by trigram distance). */
const TYPO_CANDIDATES = 5;
/** Titles looked at per autocomplete part before the most popular are picked. */
const SUGGEST_CANDIDATES = 200;
/** Shortest prefix also matched inside titles (the trigram index needs three characters). */
const TRIGRAM_MIN = 3;
/** Words shorter than this are never corrected. */
const TYPO_MIN_WORD = 3;

const TRUE: Condition = sql<boolean>`true`;
const and = (conditions: Condition[]): Condition =>
  conditions.length === 0 ? TRUE : sql<boolean>`(${sql.join(conditions, sql` and `)})`;

/** The query parsed like a web search ("phrase", -term, OR) in the configuration of each document's language. */
function queryFor(column: 'de' | 'en' | 'si') {
  return sql.ref(`q.${column}`);
}
const documentQuery = sql`case t.language when 'de' then ${queryFor('de')} when 'en' then ${queryFor('en')} else ${queryFor('si')} end`;

const DURATION_CASE = sql.raw(
  `case ${DURATION_BUCKETS.map((b) => `when d.duration_minutes between ${b.min} and ${b.max} then '${b.min}-${b.max}'`).join(' ')} end`,
);

/** Filters that have a facet: each is left out when counting its own facet. */
function facetFilters(query: IndexQuery): Record<SearchFacet, Condition> {
  const any = (column: string, values: readonly (string | number)[], type: string): Condition =>
    values.length === 0
      ? TRUE
      : sql<boolean>`${sql.ref(`d.${column}`)} = any(${sql.val(values)}::${sql.raw(type)}[])`;
  const duration: Condition[] = [];
  if (query.durationMin !== undefined) {
    duration.push(sql<boolean>`d.duration_minutes >= ${query.durationMin}`);
  }
  if (query.durationMax !== undefined) {
    duration.push(sql<boolean>`d.duration_minutes <= ${query.durationMax}`);
  }
  return {
    category:
      query.category.length === 0 ? TRUE : sql<boolean>`d.category_ids && ${sql.val(query.category)}::uuid[]`,
    level: any('level', query.level, 'smallint'),
    language: any('language', query.language, 'text'),
    format: any('format', query.format, 'text'),
    license: any('license', query.license, 'text'),
    duration: and(duration),
  };
}

/** Filters without a facet: they narrow the base every count starts from. */
function baseFilters(query: IndexQuery): Condition[] {
  const conditions: Condition[] = [];
  if (query.q) {
    conditions.push(
      sql<boolean>`t.document @@ (q.de || q.en || q.si)`,
      sql<boolean>`t.document @@ ${documentQuery}`,
    );
  }
  if (query.creatorId !== undefined) {
    conditions.push(
      query.creatorId === null ? sql<boolean>`false` : sql<boolean>`d.creator_id = ${query.creatorId}`,
    );
  }
  if (query.excludeCreatorId) {
    conditions.push(sql<boolean>`d.creator_id <> ${query.excludeCreatorId}`);
  }
  if (query.minRating !== undefined) {
    conditions.push(sql<boolean>`coalesce(d.rating_avg, 0) >= ${query.minRating}`);
  }
  if (query.publishedAfter) {
    conditions.push(sql<boolean>`d.published_at > ${query.publishedAfter}`);
  }
  return conditions;
}

function orderBy(sort: SearchSort, hasText: boolean) {
  const byRating = sql`b.rating_score desc, b.published_at desc, b.nano_id desc`;
  switch (sort) {
    case 'relevance':
      return hasText ? sql`b.rank desc, ${byRating}` : byRating;
    case 'rating':
      return byRating;
    case 'newest':
      return sql`b.published_at desc, b.nano_id desc`;
    case 'duration':
      return sql`b.duration_minutes asc, b.rank desc, b.nano_id desc`;
    case 'popular':
      return sql`b.popularity desc, b.published_at desc, b.nano_id desc`;
  }
}

interface DocRow {
  nano_id: string;
  creator_id: string;
  title: string;
  excerpt: string;
  thumbnail_key: string | null;
  level: number;
  duration_minutes: number;
  language: string;
  format: string;
  license: string;
  rating_avg: number | null;
  rating_count: number;
  favorite_count: number;
  published_at: Date | string;
}

function toIndexed(row: DocRow): IndexedNano {
  return {
    nanoId: row.nano_id,
    creatorId: row.creator_id,
    title: row.title,
    excerpt: row.excerpt,
    thumbnailKey: row.thumbnail_key,
    level: row.level as 1 | 2 | 3,
    durationMinutes: row.duration_minutes,
    language: row.language,
    format: row.format,
    license: row.license,
    ratingAverage: row.rating_avg === null ? null : Number(row.rating_avg),
    ratingCount: row.rating_count,
    favoriteCount: row.favorite_count,
    publishedAt: new Date(row.published_at),
  };
}

const CARD_COLUMNS = sql.raw(
  'd.nano_id, d.creator_id, t.title, t.excerpt, t.thumbnail_key, d.level, d.duration_minutes, d.language, d.format, d.license, d.rating_avg, d.rating_count, d.favorite_count, d.published_at',
);

function emptyFacets(): Record<SearchFacet, FacetCount[]> {
  return Object.fromEntries(SEARCH_FACETS.map((facet) => [facet, []])) as unknown as Record<
    SearchFacet,
    FacetCount[]
  >;
}

/** LIKE pattern characters taken literally. */
function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The SearchIndex over PostgreSQL full-text search (and PGlite, identically). */
export function createPostgresSearchIndex(db: Db): SearchIndex {
  return {
    async search(query) {
      const hasText = query.q.length > 0;
      const facets = facetFilters(query);
      const allBut = (facet: SearchFacet) =>
        and(SEARCH_FACETS.filter((f) => f !== facet).map((f) => sql<boolean>`b.${sql.raw(`f_${f}`)}`));
      const flags = sql.join(SEARCH_FACETS.map((f) => sql`${facets[f]} as ${sql.raw(`f_${f}`)}`));
      // Only the relevance and duration orders read the rank: the other sorts skip ts_rank.
      const rank =
        hasText && (query.sort === 'relevance' || query.sort === 'duration')
          ? sql`round(ts_rank(${sql.val([...RANK_WEIGHTS])}::real[], t.document, ${documentQuery})::numeric, ${sql.lit(RANK_PRECISION)})`
          : sql`0`;
      // Facets in two passes: one group-by over the small facet columns (each facet is then summed
      // in JS with the other filters applied) and one over the categories.
      const facetSql = query.withoutFacets
        ? sql`null::json as combos, null::json as categories`
        : sql`(select coalesce(json_agg(x), '[]') from (
              select b.level, b.language, b.format, b.license, b.bucket, b.f_category, b.f_duration, count(*) as n
                from base b group by 1, 2, 3, 4, 5, 6, 7) x) as combos,
            (select coalesce(json_agg(x), '[]') from (
              select c::text as value, count(*) as count from base b, unnest(b.category_ids) c
               where ${allBut('category')} group by c) x) as categories`;
      // With text the matches are few and costly to find: computed once. Without, each part reads
      // the table itself, so the page can come straight off an index.
      const materialized = hasText ? sql`materialized` : sql`not materialized`;
      const result = await sql<{
        total: number | string | null;
        ids: string[];
        combos: unknown;
        categories: unknown;
      }>`
        with q as (${
          hasText
            ? sql`select websearch_to_tsquery('nm_german', ${query.q}) as de,
                 websearch_to_tsquery('nm_english', ${query.q}) as en,
                 websearch_to_tsquery('nm_simple', ${query.q}) as si`
            : sql`select null::tsquery as de, null::tsquery as en, null::tsquery as si`
        }), base as ${materialized} (
          select d.nano_id, d.category_ids, d.level, d.language, d.format, d.license, d.duration_minutes,
                 d.rating_score, d.published_at, d.popularity, ${DURATION_CASE} as bucket,
                 ${rank} as rank, ${flags}
            from search_documents d ${hasText ? sql`join search_texts t on t.nano_id = d.nano_id` : sql``}, q
           where ${and(baseFilters(query))}
        )
        select
          ${query.withoutFacets ? sql`(select count(*) from base b where ${allFlags()})` : sql`null`} as total,
          array(
            select b.nano_id from base b where ${allFlags()}
             order by ${orderBy(query.sort, hasText)}
             limit ${query.limit} offset ${query.offset}
          ) as ids,
          ${facetSql}
      `.execute(db);
      const row = result.rows[0];
      const ids = row?.ids ?? [];
      const counted = query.withoutFacets
        ? { total: Number(row?.total ?? 0), facets: emptyFacets() }
        : countFacets(query, parseJson<Combo[]>(row?.combos), parseJson<FacetCount[]>(row?.categories));
      return { hits: await this.byIds(ids), ...counted };
    },

    async correct(q) {
      const words = [
        ...new Set((q.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w !== 'OR' && w.length >= TYPO_MIN_WORD)),
      ];
      if (words.length === 0) {
        return null;
      }
      const rows = await sql<{ word: string; display: string; exact: boolean; sim: number }>`
        select w.word, t.display, t.term = search_fold(w.word) as exact, similarity(t.term, search_fold(w.word)) as sim
          from unnest(${sql.val(words)}::text[]) as w(word)
          cross join lateral (
            select s.term, s.display, s.doc_count from search_terms s
             order by s.term <-> search_fold(w.word) limit ${TYPO_CANDIDATES}
          ) t
         order by w.word, t.term = search_fold(w.word) desc, similarity(t.term, search_fold(w.word)) desc, t.doc_count desc
      `.execute(db);
      const replacements = new Map<string, string>();
      for (const word of words) {
        const best = rows.rows.find((r) => r.word === word);
        if (best && !best.exact && Number(best.sim) >= TYPO_MIN_SIMILARITY) {
          replacements.set(word, best.display);
        }
      }
      if (replacements.size === 0) {
        return null;
      }
      return q.replace(/[\p{L}\p{N}]+/gu, (w) => replacements.get(w) ?? w);
    },

    async suggest(prefix, limit) {
      // The patterns are folded inline (an immutable function of a parameter), so the planner can
      // use the prefix and trigram indexes; candidates are capped before ranking by popularity.
      const startsWith = sql`search_fold(${escapeLike(prefix)}) || '%'`;
      // Looked up per candidate (a primary-key read), never by joining the whole table.
      const popularity = sql`(select d.popularity from search_documents d where d.nano_id = c.nano_id)`;
      const rows = await sql<{ kind: 'tag' | 'title'; text: string; id: string | null }>`
        (select 'tag' as kind, s.display as text, null::uuid as id, 0 as part, s.doc_count::float8 as weight
           from search_terms s where s.kind = 'tag' and s.term like ${startsWith}
          order by s.doc_count desc limit ${limit})
        union all
        (select 'title', c.title, c.nano_id, 1, ${popularity} as popularity from (
           select t.title, t.nano_id from search_texts t
            where t.title_norm like ${startsWith} order by t.title_norm collate "C" limit ${SUGGEST_CANDIDATES}
         ) c order by popularity desc limit ${limit})
        ${
          prefix.length >= TRIGRAM_MIN
            ? sql`union all
        (select 'title', c.title, c.nano_id, 2, ${popularity} as popularity from (
           select t.title, t.nano_id from search_texts t
            where t.title_norm like '% ' || search_fold(${escapeLike(prefix)}) || '%' limit ${SUGGEST_CANDIDATES}
         ) c order by popularity desc limit ${limit})`
            : sql``
        }
        order by part, weight desc
      `.execute(db);
      const seen = new Set<string>();
      const suggestions: Suggestion[] = [];
      for (const row of rows.rows) {
        const key = `${row.kind}:${row.text.toLowerCase()}`;
        if (seen.has(key)) {
          continue;
        }
        seen.add(key);
        suggestions.push(
          row.id ? { kind: row.kind, text: row.text, id: row.id } : { kind: row.kind, text: row.text },
        );
      }
      return suggestions;
    },

    async byIds(ids) {
      if (ids.length === 0) {
        return [];
      }
      const rows = await sql<DocRow>`
        select ${CARD_COLUMNS} from search_documents d join search_texts t on t.nano_id = d.nano_id
         where d.nano_id = any(${sql.val(ids)}::uuid[])
      `.execute(db);
      const byId = new Map(rows.rows.map((row) => [row.nano_id, toIndexed(row)]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },
  };

  function allFlags(): Condition {
    return and(SEARCH_FACETS.map((f) => sql<boolean>`b.${sql.raw(`f_${f}`)}`));
  }
}

/** One group of the facet pass: a combination of facet values and how many Nanos have it. */
interface Combo {
  level: number;
  language: string;
  format: string;
  license: string;
  bucket: string | null;
  f_category: boolean;
  f_duration: boolean;
  n: number | string;
}

function parseJson<T>(raw: unknown): T {
  return (typeof raw === 'string' ? JSON.parse(raw) : (raw ?? [])) as T;
}

const byCount = (a: FacetCount, b: FacetCount) => b.count - a.count || a.value.localeCompare(b.value);

/** Total and facet counts from the combinations: each facet with every other filter applied. */
function countFacets(
  query: IndexQuery,
  combos: Combo[],
  categories: FacetCount[],
): { total: number; facets: Record<SearchFacet, FacetCount[]> } {
  const pass: Record<SearchFacet, (c: Combo) => boolean> = {
    category: (c) => c.f_category,
    level: (c) => query.level.length === 0 || (query.level as number[]).includes(c.level),
    language: (c) => query.language.length === 0 || (query.language as string[]).includes(c.language),
    format: (c) => query.format.length === 0 || (query.format as string[]).includes(c.format),
    license: (c) => query.license.length === 0 || (query.license as string[]).includes(c.license),
    duration: (c) => c.f_duration,
  };
  const facetValue: Record<Exclude<SearchFacet, 'category'>, (c: Combo) => string | null> = {
    level: (c) => String(c.level),
    language: (c) => c.language,
    format: (c) => c.format,
    license: (c) => c.license,
    duration: (c) => c.bucket,
  };
  const facets = emptyFacets();
  facets.category = categories.map((c) => ({ value: c.value, count: Number(c.count) }));
  let total = 0;
  for (const facet of Object.keys(facetValue) as Array<Exclude<SearchFacet, 'category'>>) {
    const sums = new Map<string, number>();
    for (const combo of combos) {
      const value = facetValue[facet](combo);
      if (value !== null && SEARCH_FACETS.every((f) => f === facet || pass[f](combo))) {
        sums.set(value, (sums.get(value) ?? 0) + Number(combo.n));
      }
    }
    facets[facet] = [...sums].map(([value, count]) => ({ value, count }));
  }
  for (const combo of combos) {
    if (SEARCH_FACETS.every((f) => pass[f](combo))) {
      total += Number(combo.n);
    }
  }
  for (const facet of SEARCH_FACETS) {
    facets[facet].sort(byCount);
  }
  return { total, facets };
}
