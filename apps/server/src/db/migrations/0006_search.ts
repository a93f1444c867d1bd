import { type Kysely, sql } from 'kysely';
import { POPULARITY_FAVORITE_WEIGHT, RATING_PRIOR } from '../../modules/search/ranking.ts';

/**
 * Search (ARCHITECTURE A3): PostgreSQL full-text search with accent folding and trigram
 * similarity. `search_documents` holds one row per Nano the public may find, kept in step with
 * the catalog by triggers in the same transaction as every change, so a Nano is found the moment
 * it is approved and gone the moment it is archived, deleted or taken down.
 *
 * The ranking constants (Bayesian prior, popularity weights) are written into SQL functions here;
 * changing them later needs a migration that redefines `search_rating_score` and `search_popularity`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists unaccent`.execute(db);
  await sql`create extension if not exists pg_trgm`.execute(db);

  // Text search configurations that fold umlauts and accents before stemming ("Übung" = "Ubung").
  for (const [name, base, stem] of [
    ['nm_german', 'german', 'german_stem'],
    ['nm_english', 'english', 'english_stem'],
    ['nm_simple', 'simple', 'simple'],
  ] as const) {
    await sql.raw(`create text search configuration ${name} (copy = ${base})`).execute(db);
    await sql
      .raw(
        `alter text search configuration ${name} alter mapping for hword, hword_part, word with unaccent, ${stem}`,
      )
      .execute(db);
  }
  await sql`
    create function search_config(lang text) returns regconfig language sql immutable parallel safe as $$
      select case lang when 'de' then 'nm_german'::regconfig when 'en' then 'nm_english'::regconfig
        else 'nm_simple'::regconfig end
    $$`.execute(db);
  // Lower case without accents, the form of terms, titles for autocomplete and logged queries.
  await sql`
    create function search_fold(value text) returns text language sql immutable parallel safe as $$
      select lower(public.unaccent('public.unaccent'::regdictionary, value))
    $$`.execute(db);

  // Bayesian average: a few votes cannot outrank many (1 × 5 ★ < 200 × 4.7 ★).
  await sql`
    create function search_rating_score(cnt integer, avg double precision) returns double precision
    language sql immutable parallel safe as $$
      select (cnt * coalesce(avg, 0) + ${sql.lit(RATING_PRIOR.mean * RATING_PRIOR.weight)})
        / (cnt + ${sql.lit(RATING_PRIOR.weight)})::double precision
    $$`.execute(db);
  await sql`
    create function search_popularity(views integer, favorites integer) returns double precision
    language sql immutable parallel safe as $$
      select views + ${sql.lit(POPULARITY_FAVORITE_WEIGHT)} * favorites::double precision
    $$`.execute(db);

  // Text extracted from the files of an accepted version (PDF, HTML, text), tokenised once.
  await sql`
    create table nano_version_texts (
      version_id uuid primary key references nano_versions (id) on delete cascade,
      char_count integer not null,
      content tsvector not null,
      extracted_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table search_documents (
      nano_id uuid primary key references nanos (id) on delete cascade,
      creator_id uuid not null,
      title text not null,
      title_norm text not null,
      excerpt text not null,
      language text not null,
      level smallint not null,
      format text not null,
      license text not null,
      duration_minutes integer not null,
      category_ids uuid[] not null,
      tags text[] not null,
      thumbnail_key text,
      rating_avg double precision,
      rating_count integer not null,
      rating_score double precision not null,
      favorite_count integer not null,
      view_count integer not null,
      popularity double precision not null,
      published_at timestamptz not null,
      document tsvector not null
    )`.execute(db);
  await sql`create index search_documents_document_idx on search_documents using gin (document)`.execute(db);
  await sql`create index search_documents_categories_idx on search_documents using gin (category_ids)`.execute(
    db,
  );
  await sql`create index search_documents_published_idx on search_documents (published_at desc, nano_id desc)`.execute(
    db,
  );
  await sql`create index search_documents_rating_idx on search_documents (rating_score desc, published_at desc)`.execute(
    db,
  );
  await sql`create index search_documents_popularity_idx on search_documents (popularity desc)`.execute(db);
  await sql`create index search_documents_creator_idx on search_documents (creator_id)`.execute(db);
  await sql`create index search_documents_title_prefix_idx on search_documents (title_norm text_pattern_ops)`.execute(
    db,
  );
  await sql`create index search_documents_title_trgm_idx on search_documents using gin (title_norm gin_trgm_ops)`.execute(
    db,
  );

  // Vocabulary of the findable Nanos (title words and tags) for "did you mean" and autocomplete.
  await sql`
    create table search_terms (
      term text not null,
      kind text not null check (kind in ('word', 'tag')),
      display text not null,
      doc_count integer not null,
      primary key (term, kind)
    )`.execute(db);
  await sql`create index search_terms_trgm_idx on search_terms using gist (term gist_trgm_ops)`.execute(db);
  await sql`create index search_terms_prefix_idx on search_terms (term text_pattern_ops)`.execute(db);

  await sql`
    create function search_terms_of(p_title text, p_tags text[])
    returns table (term text, kind text, display text) language sql immutable as $$
      select distinct on (search_fold(w)) search_fold(w), 'word'::text, w
        from regexp_split_to_table(p_title, '[^[:alnum:]]+') as w
        where char_length(w) >= 3 and w !~ '^[0-9]+$'
      union all
      select distinct on (search_fold(t)) search_fold(t), 'tag'::text, t from unnest(p_tags) as t
        where char_length(t) >= 2
    $$`.execute(db);

  await sql`
    create function search_terms_count(p_title text, p_tags text[], p_delta integer) returns void
    language plpgsql as $$
    begin
      if p_delta > 0 then
        insert into search_terms (term, kind, display, doc_count)
          select t.term, t.kind, t.display, 1 from search_terms_of(p_title, p_tags) t
          on conflict (term, kind) do update set doc_count = search_terms.doc_count + 1;
      else
        update search_terms s set doc_count = s.doc_count - 1
          from search_terms_of(p_title, p_tags) t where s.term = t.term and s.kind = t.kind;
        delete from search_terms s using search_terms_of(p_title, p_tags) t
          where s.term = t.term and s.kind = t.kind and s.doc_count <= 0;
      end if;
    end $$`.execute(db);

  await sql`
    create function search_documents_terms() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then
        perform search_terms_count(old.title, old.tags, -1);
      end if;
      if tg_op in ('INSERT', 'UPDATE') then
        perform search_terms_count(new.title, new.tags, 1);
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger search_documents_terms_ins_del after insert or delete on search_documents
      for each row execute function search_documents_terms()`.execute(db);
  await sql`
    create trigger search_documents_terms_upd after update of title, tags on search_documents
      for each row when (old.title is distinct from new.title or old.tags is distinct from new.tags)
      execute function search_documents_terms()`.execute(db);

  // Bumped whenever what is findable changes (not for counters): the key of cached search answers.
  // A sequence, so concurrent publications never wait on one another for it.
  await sql`create sequence search_generation`.execute(db);

  // Recomputes (or removes) the search document of one Nano from the catalog's current state.
  await sql`
    create function search_sync(p_nano_id uuid) returns void language plpgsql as $$
    declare
      n nanos%rowtype;
      cfg regconfig;
      cats uuid[];
      cat_names text;
      creator_name text;
      content tsvector;
    begin
      -- The row lock orders concurrent refreshes of one Nano (say the thumbnail job and the text
      -- extraction): the later one waits, then reads everything the earlier one committed.
      select * into n from nanos where id = p_nano_id for share;
      if not found or n.status <> 'published' or n.current_version_id is null
         or n.language is null or n.level is null or n.format is null or n.license is null
         or n.duration_minutes is null then
        delete from search_documents where nano_id = p_nano_id;
        if found then
          perform nextval('search_generation');
        end if;
        return;
      end if;
      perform nextval('search_generation');
      cfg := search_config(n.language);
      select coalesce(array_agg(distinct x), '{}') into cats from (
        select c.id as x from nano_categories nc join categories c on c.id = nc.category_id where nc.nano_id = n.id
        union
        select c.parent_id from nano_categories nc join categories c on c.id = nc.category_id
          where nc.nano_id = n.id and c.parent_id is not null
      ) s;
      select coalesce(string_agg(c.name_de || ' ' || c.name_en, ' '), '') into cat_names
        from nano_categories nc join categories c on c.id = nc.category_id where nc.nano_id = n.id;
      select display_name into creator_name from users where id = n.creator_id;
      select t.content into content from nano_version_texts t where t.version_id = n.current_version_id;
      insert into search_documents as d (
        nano_id, creator_id, title, title_norm, excerpt, language, level, format, license, duration_minutes,
        category_ids, tags, thumbnail_key, rating_avg, rating_count, rating_score, favorite_count, view_count,
        popularity, published_at, document
      ) values (
        n.id, n.creator_id, n.title, search_fold(n.title), left(n.description, 240), n.language, n.level,
        n.format, n.license, n.duration_minutes, cats, n.tags, n.thumbnail_key, n.rating_avg, n.rating_count,
        search_rating_score(n.rating_count, n.rating_avg),
        n.favorite_count, n.view_count, search_popularity(n.view_count, n.favorite_count),
        coalesce(n.published_at, n.updated_at),
        setweight(to_tsvector(cfg, n.title), 'A')
          || setweight(to_tsvector(cfg, array_to_string(n.tags, ' ') || ' ' || cat_names), 'B')
          || setweight(to_tsvector(cfg, n.description), 'C')
          || setweight(to_tsvector(cfg, coalesce(creator_name, '')), 'D')
          || coalesce(content, ''::tsvector)
      )
      on conflict (nano_id) do update set
        creator_id = excluded.creator_id, title = excluded.title, title_norm = excluded.title_norm,
        excerpt = excluded.excerpt, language = excluded.language, level = excluded.level,
        format = excluded.format, license = excluded.license, duration_minutes = excluded.duration_minutes,
        category_ids = excluded.category_ids, tags = excluded.tags, thumbnail_key = excluded.thumbnail_key,
        rating_avg = excluded.rating_avg, rating_count = excluded.rating_count,
        rating_score = excluded.rating_score, favorite_count = excluded.favorite_count,
        view_count = excluded.view_count, popularity = excluded.popularity,
        published_at = excluded.published_at, document = excluded.document;
    end $$`.execute(db);

  // Catalog changes that alter what is found or how it reads.
  await sql`
    create function search_on_nano() returns trigger language plpgsql as $$
    begin
      perform search_sync(new.id);
      return null;
    end $$`.execute(db);
  await sql`
    create trigger search_nanos_ins after insert on nanos for each row execute function search_on_nano()`.execute(
    db,
  );
  await sql`
    create trigger search_nanos_upd after update of title, description, tags, language, level, format, license,
      duration_minutes, status, current_version_id, creator_id, published_at, thumbnail_key on nanos
      for each row execute function search_on_nano()`.execute(db);

  // Counters change often: only the numbers are copied, the text stays as it is.
  await sql`
    create function search_on_nano_counters() returns trigger language plpgsql as $$
    begin
      update search_documents set
        rating_avg = new.rating_avg, rating_count = new.rating_count,
        rating_score = search_rating_score(new.rating_count, new.rating_avg),
        favorite_count = new.favorite_count, view_count = new.view_count,
        popularity = search_popularity(new.view_count, new.favorite_count)
      where nano_id = new.id;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger search_nanos_counters after update of view_count, favorite_count, rating_avg, rating_count on nanos
      for each row execute function search_on_nano_counters()`.execute(db);

  // Category links change as a set (delete + insert): one refresh per Nano per statement.
  await sql`
    create function search_on_nano_categories() returns trigger language plpgsql as $$
    declare id uuid;
    begin
      for id in select distinct nano_id from changed loop
        perform search_sync(id);
      end loop;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger search_nano_categories_ins after insert on nano_categories
      referencing new table as changed for each statement execute function search_on_nano_categories()`.execute(
    db,
  );
  await sql`
    create trigger search_nano_categories_del after delete on nano_categories
      referencing old table as changed for each statement execute function search_on_nano_categories()`.execute(
    db,
  );

  await sql`
    create function search_on_version_text() returns trigger language plpgsql as $$
    declare id uuid;
    begin
      for id in select n.id from nanos n where n.current_version_id = new.version_id loop
        perform search_sync(id);
      end loop;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger search_version_texts after insert or update on nano_version_texts
      for each row execute function search_on_version_text()`.execute(db);

  await sql`
    create function search_on_creator() returns trigger language plpgsql as $$
    declare id uuid;
    begin
      for id in select d.nano_id from search_documents d where d.creator_id = new.id loop
        perform search_sync(id);
      end loop;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger search_users_name after update of display_name on users
      for each row when (old.display_name is distinct from new.display_name)
      execute function search_on_creator()`.execute(db);

  await sql`
    create function search_on_category() returns trigger language plpgsql as $$
    declare id uuid;
    begin
      for id in select d.nano_id from search_documents d where d.category_ids @> array[new.id] loop
        perform search_sync(id);
      end loop;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger search_categories_name after update of name_de, name_en, parent_id on categories
      for each row execute function search_on_category()`.execute(db);

  await sql`create index nano_views_day_idx on nano_views (day, nano_id)`.execute(db);

  // Anonymous query log: no user id by design.
  await sql`
    create table search_queries (
      id uuid primary key,
      query_norm text not null,
      filters jsonb not null,
      result_count integer not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index search_queries_created_idx on search_queries (created_at)`.execute(db);
  await sql`
    create table search_clicks (
      id uuid primary key,
      query_norm text not null,
      nano_id uuid not null,
      position integer not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index search_clicks_created_idx on search_clicks (created_at)`.execute(db);

  await sql`
    create table saved_searches (
      id uuid primary key,
      user_id uuid not null references users (id) on delete cascade,
      name text not null,
      filters jsonb not null,
      alert boolean not null default false,
      alerted_until timestamptz not null default now(),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index saved_searches_user_idx on saved_searches (user_id, created_at)`.execute(db);
  await sql`create index saved_searches_alert_idx on saved_searches (user_id) where alert`.execute(db);

  await sql`
    create table featured_nanos (
      nano_id uuid primary key references nanos (id) on delete cascade,
      position integer not null,
      created_by uuid not null references users (id),
      created_at timestamptz not null default now()
    )`.execute(db);
}
