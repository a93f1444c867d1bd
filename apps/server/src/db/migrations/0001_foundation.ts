import { type Kysely, sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';

/** The starting topic tree: [slug, German, English, children]. Admins edit it later. */
const TAXONOMY: Array<[string, string, string, Array<[string, string, string]>]> = [
  [
    'business',
    'Business Skills',
    'Business skills',
    [
      ['business-excel', 'Excel', 'Excel'],
      ['business-projektmanagement', 'Projektmanagement', 'Project management'],
      ['business-fuehrung', 'Führung', 'Leadership'],
      ['business-zeitmanagement', 'Zeit- und Selbstmanagement', 'Time and self-management'],
      ['business-vertrieb', 'Vertrieb & Verhandlung', 'Sales & negotiation'],
      ['business-finanzen', 'Finanzen & Controlling', 'Finance & controlling'],
    ],
  ],
  [
    'kommunikation',
    'Kommunikation',
    'Communication',
    [
      ['kommunikation-praesentation', 'Präsentieren', 'Presenting'],
      ['kommunikation-gespraechsfuehrung', 'Gesprächsführung', 'Conversation skills'],
      ['kommunikation-konflikte', 'Konfliktmanagement', 'Conflict management'],
      ['kommunikation-schreiben', 'Schreiben im Beruf', 'Business writing'],
      ['kommunikation-feedback', 'Feedback', 'Feedback'],
    ],
  ],
  [
    'it',
    'IT & Software',
    'IT & software',
    [
      ['it-python', 'Python', 'Python'],
      ['it-cloud', 'Cloud', 'Cloud'],
      ['it-data-science', 'Data Science', 'Data science'],
      ['it-ki', 'Künstliche Intelligenz', 'Artificial intelligence'],
      ['it-sicherheit', 'IT-Sicherheit', 'IT security'],
      ['it-webentwicklung', 'Webentwicklung', 'Web development'],
      ['it-office', 'Office-Anwendungen', 'Office applications'],
    ],
  ],
  [
    'paedagogik',
    'Pädagogik & Didaktik',
    'Education & didactics',
    [
      ['paedagogik-erwachsenenbildung', 'Erwachsenenbildung', 'Adult education'],
      ['paedagogik-digitale-lehre', 'Digitale Lehre', 'Digital teaching'],
      ['paedagogik-methoden', 'Lehrmethoden', 'Teaching methods'],
      ['paedagogik-lernpsychologie', 'Lernpsychologie', 'Learning psychology'],
      ['paedagogik-pruefungen', 'Prüfen & Bewerten', 'Assessment'],
    ],
  ],
  [
    'gesundheit',
    'Gesundheit & Pflege',
    'Health & care',
    [
      ['gesundheit-arbeitsschutz', 'Arbeitsschutz', 'Occupational safety'],
      ['gesundheit-erste-hilfe', 'Erste Hilfe', 'First aid'],
      ['gesundheit-pflege', 'Pflege', 'Nursing care'],
      ['gesundheit-resilienz', 'Stress & Resilienz', 'Stress & resilience'],
      ['gesundheit-ergonomie', 'Ergonomie', 'Ergonomics'],
    ],
  ],
  [
    'sprachen',
    'Sprachen',
    'Languages',
    [
      ['sprachen-deutsch', 'Deutsch', 'German'],
      ['sprachen-englisch', 'Englisch', 'English'],
      ['sprachen-spanisch', 'Spanisch', 'Spanish'],
      ['sprachen-franzoesisch', 'Französisch', 'French'],
      ['sprachen-fachsprache', 'Fachsprache im Beruf', 'Professional language'],
    ],
  ],
  [
    'recht',
    'Recht & Compliance',
    'Law & compliance',
    [
      ['recht-datenschutz', 'Datenschutz (DSGVO)', 'Data protection (GDPR)'],
      ['recht-arbeitsrecht', 'Arbeitsrecht', 'Employment law'],
      ['recht-compliance', 'Compliance', 'Compliance'],
      ['recht-urheberrecht', 'Urheberrecht', 'Copyright'],
      ['recht-vertragsrecht', 'Vertragsrecht', 'Contract law'],
    ],
  ],
  [
    'technik',
    'Technik & Handwerk',
    'Engineering & trades',
    [
      ['technik-elektrotechnik', 'Elektrotechnik', 'Electrical engineering'],
      ['technik-maschinenbau', 'Maschinenbau', 'Mechanical engineering'],
      ['technik-bau', 'Bau & Architektur', 'Construction & architecture'],
      ['technik-qualitaet', 'Qualitätsmanagement', 'Quality management'],
      ['technik-logistik', 'Logistik', 'Logistics'],
    ],
  ],
  [
    'nachhaltigkeit',
    'Nachhaltigkeit',
    'Sustainability',
    [
      ['nachhaltigkeit-klima', 'Klimaschutz', 'Climate protection'],
      ['nachhaltigkeit-energie', 'Energie', 'Energy'],
      ['nachhaltigkeit-csr', 'Unternehmensverantwortung', 'Corporate responsibility'],
      ['nachhaltigkeit-kreislauf', 'Kreislaufwirtschaft', 'Circular economy'],
    ],
  ],
  [
    'persoenlichkeit',
    'Persönliche Entwicklung',
    'Personal development',
    [
      ['persoenlichkeit-kreativitaet', 'Kreativität', 'Creativity'],
      ['persoenlichkeit-lernen', 'Lernen lernen', 'Learning to learn'],
      ['persoenlichkeit-karriere', 'Karriere', 'Career'],
      ['persoenlichkeit-achtsamkeit', 'Achtsamkeit', 'Mindfulness'],
    ],
  ],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table categories (
      id uuid primary key,
      slug text not null unique,
      parent_id uuid references categories (id) on delete restrict,
      name_de text not null,
      name_en text not null,
      position integer not null default 0,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index categories_parent_idx on categories (parent_id, position)`.execute(db);

  await sql`
    create table mail_outbox (
      id uuid primary key,
      to_address text not null,
      subject text not null,
      text_body text not null,
      html_body text,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index mail_outbox_created_idx on mail_outbox (created_at desc)`.execute(db);

  await sql`
    create table jobs (
      id uuid primary key,
      name text not null,
      payload jsonb not null default '{}'::jsonb,
      status text not null default 'queued' check (status in ('queued', 'running', 'completed', 'failed')),
      attempts integer not null default 0,
      max_attempts integer not null,
      backoff_ms integer not null,
      run_at timestamptz not null default now(),
      locked_until timestamptz,
      singleton_key text,
      last_error text,
      created_at timestamptz not null default now(),
      finished_at timestamptz
    )`.execute(db);
  await sql`create index jobs_due_idx on jobs (run_at) where status in ('queued', 'running')`.execute(db);
  await sql`
    create unique index jobs_singleton_idx on jobs (name, singleton_key)
    where singleton_key is not null and status in ('queued', 'running')`.execute(db);

  await sql`
    create table job_schedules (
      name text primary key,
      cron text not null,
      payload jsonb not null default '{}'::jsonb,
      next_run_at timestamptz not null,
      updated_at timestamptz not null default now()
    )`.execute(db);

  let parentPosition = 0;
  for (const [slug, nameDe, nameEn, children] of TAXONOMY) {
    const parentId = uuidv7();
    await sql`insert into categories (id, slug, parent_id, name_de, name_en, position)
      values (${parentId}, ${slug}, null, ${nameDe}, ${nameEn}, ${parentPosition++})`.execute(db);
    let childPosition = 0;
    for (const [childSlug, childDe, childEn] of children) {
      await sql`insert into categories (id, slug, parent_id, name_de, name_en, position)
        values (${uuidv7()}, ${childSlug}, ${parentId}, ${childDe}, ${childEn}, ${childPosition++})`.execute(
        db,
      );
    }
  }
}
