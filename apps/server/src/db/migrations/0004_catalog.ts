import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table nanos (
      id uuid primary key,
      creator_id uuid not null references users (id),
      title text not null,
      description text not null default '',
      duration_minutes integer check (duration_minutes between 1 and 600),
      level smallint check (level between 1 and 3),
      language text,
      format text check (format in ('video', 'text', 'quiz', 'interactive', 'mixed')),
      license text check (license in ('CC-BY-4.0', 'CC-BY-SA-4.0', 'CC0-1.0', 'proprietary')),
      license_terms text,
      tags text[] not null default '{}',
      download_allowed boolean not null default false,
      status text not null default 'draft'
        check (status in ('draft', 'pending_review', 'changes_requested', 'published', 'rejected', 'archived', 'deleted')),
      status_before_delete text,
      current_version_id uuid,
      thumbnail_key text,
      thumbnail_uploaded boolean not null default false,
      row_version integer not null default 1,
      view_count integer not null default 0,
      download_count integer not null default 0,
      favorite_count integer not null default 0,
      rating_avg double precision,
      rating_count integer not null default 0,
      published_at timestamptz,
      archived_at timestamptz,
      deleted_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index nanos_creator_idx on nanos (creator_id, updated_at desc)`.execute(db);
  await sql`create index nanos_published_idx on nanos (published_at desc) where status = 'published'`.execute(
    db,
  );

  await sql`
    create table nano_categories (
      nano_id uuid not null references nanos (id) on delete cascade,
      category_id uuid not null references categories (id),
      primary key (nano_id, category_id)
    )`.execute(db);
  await sql`create index nano_categories_category_idx on nano_categories (category_id)`.execute(db);

  await sql`
    create table nano_versions (
      id uuid primary key,
      nano_id uuid not null references nanos (id) on delete cascade,
      semver text,
      changelog text,
      status text not null check (status in ('draft', 'pending_review', 'changes_requested', 'approved', 'rejected')),
      object_key text not null,
      content_prefix text not null,
      sha256 text not null,
      size_bytes bigint not null,
      file_count integer not null,
      package_kind text check (package_kind in ('html', 'scorm')),
      created_by uuid not null references users (id),
      created_at timestamptz not null default now(),
      submitted_at timestamptz,
      decided_at timestamptz
    )`.execute(db);
  await sql`create index nano_versions_nano_idx on nano_versions (nano_id, created_at desc)`.execute(db);
  await sql`create index nano_versions_pending_idx on nano_versions (submitted_at) where status = 'pending_review'`.execute(
    db,
  );
  await sql`alter table nanos add constraint nanos_current_version_fk foreign key (current_version_id) references nano_versions (id)`.execute(
    db,
  );

  await sql`
    create table nano_version_files (
      version_id uuid not null references nano_versions (id) on delete cascade,
      path text not null,
      size_bytes bigint not null,
      mime_type text not null,
      kind text not null,
      sha256 text not null,
      primary key (version_id, path)
    )`.execute(db);

  await sql`
    create table nano_views (
      nano_id uuid not null references nanos (id) on delete cascade,
      viewer_key text not null,
      day date not null,
      primary key (nano_id, viewer_key, day)
    )`.execute(db);

  await sql`
    create table nano_reviews (
      id uuid primary key,
      nano_id uuid not null references nanos (id) on delete cascade,
      version_id uuid not null references nano_versions (id) on delete cascade,
      reviewer_id uuid not null references users (id),
      decision text not null check (decision in ('approve', 'request_changes', 'reject')),
      reasons text[] not null default '{}',
      note text not null default '',
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index nano_reviews_nano_idx on nano_reviews (nano_id, created_at desc)`.execute(db);
}
