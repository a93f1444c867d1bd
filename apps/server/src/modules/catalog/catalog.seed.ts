import { Readable } from 'node:stream';
import { REVIEW_CHECKLIST } from '@nano/contracts';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import type { Seeder } from '../../db/seed.ts';
import type { Platform } from '../../platform/index.ts';
import type { JobQueue } from '../../platform/jobs.ts';
import { createAuditService } from '../audit/audit.service.ts';
import { findUserByLogin } from '../identity/identity.repository.ts';
import type { AuthContext } from '../identity/session.service.ts';
import { createNotificationService } from '../notifications/notifications.service.ts';
import { listCategories } from '../taxonomy/taxonomy.repository.ts';
import { createTaxonomyService } from '../taxonomy/taxonomy.service.ts';
import type { CatalogDeps } from './catalog.deps.ts';
import { changeStatus, createNano } from './catalog.service.ts';
import type { DemoNano } from './demo-content/demo-nano.ts';
import { limited, limiter, observed, settleAll } from './demo-content/limiter.ts';
import { DEMO_NANO_CREATORS, DEMO_NANOS } from './demo-content/nanos.ts';
import { demoCounters, demoTimeline } from './demo-content/timeline.ts';
import { buildDemoZip } from './demo-content/zip-builder.ts';
import { decide } from './review.service.ts';
import { generateThumbnail } from './thumbnails.ts';
import { uploadVersion } from './versions.service.ts';

/** The staff account that reviews the demo Nanos. */
export const DEMO_REVIEWER = 'demo-moderator';
/**
 * ZIPs built at the same time. A build draws its PDF on the main thread and renders its images on
 * libuv's thread pool; two keep both cores busy while leaving pool threads for file I/O.
 */
const BUILD_CONCURRENCY = 2;
/**
 * Nanos walked through the workflow at the same time. The embedded database runs one statement at
 * a time anyway, but while one Nano's ZIP is written, inspected and unpacked, another's rows go in.
 */
const FLOW_CONCURRENCY = 3;
/** Thumbnails encoded at the same time (sharp, on the thread pool) while later Nanos are seeded. */
const THUMBNAIL_CONCURRENCY = 2;
const THUMBNAIL_JOB = 'catalog.thumbnail';

/** Every checklist item ticked, as an approval needs. */
const FULL_CHECKLIST = Object.fromEntries(REVIEW_CHECKLIST.map((item) => [item, true]));

const CHANGES_REQUESTED = {
  de: {
    reasons: ['metadata_incomplete'],
    note: 'Vielen Dank für die Einreichung! Bitte ergänzen Sie im Skript die Quelle zum Harvard-Konzept (Fisher, Ury, Patton) und reichen Sie die Einheit dann erneut ein.',
  },
  en: {
    reasons: ['metadata_incomplete'],
    note: 'Thank you for submitting! Please add the sources of the model to the handout and submit the unit again.',
  },
} as const;

type DemoActor = AuthContext & { displayName: string };

/** A signed-in actor for the service layer, as a session of that account would give it. */
async function demoActor(platform: Platform, username: string): Promise<DemoActor> {
  const user = await findUserByLogin(platform.database.db, username);
  if (!user) {
    throw new Error(`demo account ${username} is missing; the identity seeder must run first`);
  }
  return {
    userId: user.id,
    sessionId: uuidv7(),
    role: user.role,
    status: 'active',
    mustChangePassword: false,
    mustEnrollTwoFactor: false,
    displayName: user.display_name,
  };
}

/**
 * The platform's queue minus the thumbnail job: the seeder makes those thumbnails itself right
 * away, and queued copies would only redo the work after the next start.
 */
function withoutThumbnailJobs(jobs: JobQueue): JobQueue {
  return {
    register(name, handler, definition) {
      jobs.register(name, handler, definition);
    },
    async enqueue(name, payload, options) {
      return name === THUMBNAIL_JOB ? uuidv7() : jobs.enqueue(name, payload, options);
    },
    schedule: (name, cron, payload) => jobs.schedule(name, cron, payload),
    start: () => jobs.start(),
    stop: () => jobs.stop(),
    runDue: () => jobs.runDue(),
    stats: () => jobs.stats(),
  };
}

/** Walks one demo Nano through the real workflow: create, upload, submit, review. */
async function seedNano(
  deps: CatalogDeps,
  nano: DemoNano,
  zip: Promise<Buffer>,
  actors: { creator: AuthContext; reviewer: AuthContext },
  categoryIds: string[],
): Promise<string> {
  const { creator, reviewer } = actors;
  const { id } = await createNano(deps, creator, {
    title: nano.title,
    description: nano.description,
    durationMinutes: nano.durationMinutes,
    level: nano.level,
    language: nano.language,
    format: nano.format,
    license: nano.license,
    licenseTerms: nano.licenseTerms ?? null,
    categoryIds,
    tags: nano.tags,
    downloadAllowed: nano.downloadAllowed,
  });
  const stream = Readable.from([await zip]);
  await uploadVersion(
    deps,
    creator,
    id,
    { stream, truncated: () => false, changelog: undefined, bump: 'minor' },
    nano.language,
  );
  if (nano.status === 'draft') {
    return id;
  }
  await changeStatus(deps, creator, id, 'submit');
  if (nano.status === 'published') {
    await decide(deps, reviewer, id, {
      decision: 'approve',
      checklist: FULL_CHECKLIST,
      reasons: [],
      note: '',
    });
  }
  if (nano.status === 'changes_requested') {
    const { reasons, note } = CHANGES_REQUESTED[nano.language];
    await decide(deps, reviewer, id, {
      decision: 'request_changes',
      checklist: {},
      reasons: [...reasons],
      note,
    });
  }
  return id;
}

/** Moves the history of the seeded Nanos into the past and gives the published ones an audience. */
/** Distinct demo viewers of the last seven days per Nano at most. */
const DEMO_RECENT_VIEWERS_MAX = 23;

async function backdate(platform: Platform, seeded: Array<{ id: string; nano: DemoNano }>): Promise<void> {
  const now = platform.clock.now();
  let pendingRank = 0;
  await platform.database.db.transaction().execute(async (trx) => {
    for (const [index, { id, nano }] of seeded.entries()) {
      const timeline = demoTimeline(nano, index, nano.status === 'pending_review' ? pendingRank++ : 0, now);
      const counters = demoCounters(nano, index, timeline, now);
      await trx
        .updateTable('nanos')
        .set({
          created_at: timeline.createdAt,
          updated_at: timeline.updatedAt,
          published_at: timeline.publishedAt,
          view_count: counters.views,
          download_count: counters.downloads,
        })
        .where('id', '=', id)
        .execute();
      await trx
        .updateTable('nano_versions')
        .set({
          // The file went up a minute after the draft was started.
          created_at: new Date(timeline.createdAt.getTime() + 60_000),
          submitted_at: timeline.submittedAt,
          decided_at: timeline.decidedAt,
        })
        .where('nano_id', '=', id)
        .execute();
      // Some of those views fell in the last week, so the home page has something "trending".
      const recent = timeline.publishedAt
        ? Math.min(counters.views, (index * 7) % DEMO_RECENT_VIEWERS_MAX)
        : 0;
      if (recent > 0) {
        await trx
          .insertInto('nano_views')
          .values(
            Array.from({ length: recent }, (_, viewer) => ({
              nano_id: id,
              viewer_key: `demo-viewer-${viewer}`,
              day: new Date(now.getTime() - (viewer % 7) * 86_400_000).toISOString().slice(0, 10),
            })),
          )
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
      if (timeline.decidedAt) {
        await trx
          .updateTable('nano_reviews')
          .set({ created_at: timeline.decidedAt })
          .where('nano_id', '=', id)
          .execute();
        // The review's statement of reasons moves with it (seeding only writes the moderation
        // module's table here, to keep the demo history consistent).
        await trx
          .updateTable('moderation_decisions')
          .set({
            created_at: timeline.decidedAt,
            appealable_until: sql`case when appealable_until is null then null
              else ${timeline.decidedAt}::timestamptz + (appealable_until - created_at) end`,
          })
          .where('target_type', '=', 'nano')
          .where('target_id', '=', id)
          .where('source', '=', 'review')
          .execute();
      }
    }
  });
}

async function alreadySeeded(platform: Platform, creatorIds: string[]): Promise<boolean> {
  const existing = await platform.database.db
    .selectFrom('nanos')
    .select('id')
    .where('creator_id', 'in', creatorIds)
    .limit(1)
    .executeTakeFirst();
  return existing !== undefined;
}

function catalogDeps(platform: Platform, publicUrl: string): CatalogDeps {
  const db = platform.database.db;
  return {
    db,
    clock: platform.clock,
    storage: platform.storage,
    audit: createAuditService({ db, clock: platform.clock }),
    notifications: createNotificationService({ db, clock: platform.clock }),
    mailer: platform.mailer,
    taxonomy: createTaxonomyService({ db, cache: platform.cache }),
    jobs: withoutThumbnailJobs(platform.jobs),
    publicUrl,
    // Every demo Nano is submitted at once here; their history is spread over past months below.
    skipSubmissionQuota: true,
  };
}

async function seedCatalog(platform: Platform, publicUrl: string, logger: Logger): Promise<void> {
  const creators = new Map<string, DemoActor>();
  for (const username of DEMO_NANO_CREATORS) {
    creators.set(username, await demoActor(platform, username));
  }
  if (
    await alreadySeeded(
      platform,
      [...creators.values()].map((creator) => creator.userId),
    )
  ) {
    return;
  }
  const started = Date.now();
  const reviewer = await demoActor(platform, DEMO_REVIEWER);
  const categoryIds = new Map((await listCategories(platform.database.db)).map((c) => [c.slug, c.id]));
  const deps = catalogDeps(platform, publicUrl);
  const creatorOf = (nano: DemoNano): DemoActor => {
    const creator = creators.get(nano.creator);
    if (!creator) {
      throw new Error(`demo Nano "${nano.title}" names unknown creator ${nano.creator}`);
    }
    return creator;
  };
  const categoriesOf = (nano: DemoNano): string[] =>
    nano.categories.map((slug) => {
      const id = categoryIds.get(slug);
      if (!id) {
        throw new Error(`demo Nano "${nano.title}" names unknown category ${slug}`);
      }
      return id;
    });

  // ZIPs are built ahead of the workflow that uploads them, a couple at a time.
  const zips = limited(DEMO_NANOS, BUILD_CONCURRENCY, (nano) =>
    buildDemoZip(nano, creatorOf(nano).displayName),
  ).map(observed);
  const thumbnailDeps = { db: platform.database.db, storage: platform.storage, clock: platform.clock };
  const thumbnailSlot = limiter(THUMBNAIL_CONCURRENCY);
  const thumbnails: Array<Promise<void>> = [];
  const flows = limited(DEMO_NANOS, FLOW_CONCURRENCY, async (nano, index) => {
    const zip = zips[index] ?? Promise.reject(new Error(`no ZIP for demo Nano ${index}`));
    const id = await seedNano(deps, nano, zip, { creator: creatorOf(nano), reviewer }, categoriesOf(nano));
    thumbnails.push(observed(thumbnailSlot(() => generateThumbnail(thumbnailDeps, id))));
    return { id, nano };
  });
  try {
    const seeded = await settleAll(flows);
    await backdate(platform, seeded);
  } finally {
    // Whatever happened, nothing keeps running (or rejects unobserved) after the seeder returns.
    await Promise.allSettled([...zips, ...thumbnails]);
  }
  await settleAll(thumbnails);
  logger.info({ nanos: DEMO_NANOS.length, ms: Date.now() - started }, 'demo Nanos seeded');
}

/**
 * Demo Nanos of several providers in German and English, each with a generated ZIP, walked through
 * the real service layer (create, upload, submit, review) so they hold exactly what users would
 * produce; only dates and view/download counters are set directly. Skipped when any demo creator
 * already has a Nano.
 */
export const catalogSeeder: Seeder = {
  name: 'catalog',
  background: true,
  async run(platform, config, logger) {
    await seedCatalog(platform, config.publicUrl, logger);
  },
};
