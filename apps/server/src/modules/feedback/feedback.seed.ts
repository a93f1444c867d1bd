import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';
import type { Seeder } from '../../db/seed.ts';
import { DEMO_NANO_CREATORS } from '../catalog/demo-content/nanos.ts';
import { hashPassword } from '../identity/crypto/password-hasher.ts';
import * as users from '../identity/identity.repository.ts';
import { recordSignUpConsents } from '../privacy/consents.service.ts';
import { DEMO_COMMENTS, DEMO_LEARNERS, DEMO_REPLIES, DEMO_SCORE_WEIGHTS } from './demo-ratings.ts';
import * as repo from './ratings.repository.ts';

const HOUR_MS = 3_600_000;
/** At most this many learners rate one Nano (all of them). */
const MAX_RATERS = DEMO_LEARNERS.length;
/** Every this-many-th Nano stays without ratings, so the empty state exists too. */
const UNRATED_EVERY = 9;
/** Shares of ratings with a comment, of commented ratings with a creator reply, and of helpful marks. */
const COMMENT_SHARE = 0.5;
const REPLY_SHARE = 0.35;
const HELPFUL_SHARE = 0.25;

/** A stable pseudo-random number in [0, 1) per (n, salt), so every seed gives the same ratings. */
function unit(n: number, salt: number): number {
  let h = Math.imul(n + 1, 0x9e3779b1) ^ Math.imul(salt + 7, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  return ((h ^ (h >>> 15)) >>> 0) / 2 ** 32;
}

/** The k-th item, counting round the list. */
function nth<T>(items: readonly T[], k: number): T {
  const item = items[k % items.length];
  if (item === undefined) {
    throw new Error('no demo text to pick from');
  }
  return item;
}

function scoreFor(r: number): 1 | 2 | 3 | 4 | 5 {
  const total = DEMO_SCORE_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
  let left = r * total;
  for (const [score, weight] of DEMO_SCORE_WEIGHTS) {
    left -= weight;
    if (left < 0) {
      return score;
    }
  }
  return 5;
}

/** The demo learners' ids, creating the accounts that are missing. */
async function ensureLearners(db: Kysely<Database>, demoPassword: string, now: Date): Promise<string[]> {
  let passwordHash: string | undefined;
  for (const learner of DEMO_LEARNERS) {
    if (await users.usernameTaken(db, learner.username)) {
      continue;
    }
    passwordHash ??= await hashPassword(demoPassword);
    await db.transaction().execute(async (trx) => {
      const id = uuidv7();
      await users.insertUser(trx, {
        id,
        email: `${learner.username}@nano-marktplatz.test`,
        username: learner.username,
        display_name: learner.displayName,
        password_hash: passwordHash ?? null,
        role: 'consumer',
        locale: learner.locale,
        email_verified_at: now,
        created_at: now,
        updated_at: now,
      });
      await recordSignUpConsents(trx, id, { notificationEmails: true }, now);
    });
  }
  const rows = await db
    .selectFrom('users')
    .select(['id', 'username'])
    .where(
      'username',
      'in',
      DEMO_LEARNERS.map((l) => l.username),
    )
    .execute();
  const ids = new Map(rows.map((row) => [row.username, row.id]));
  return DEMO_LEARNERS.map((l) => ids.get(l.username)).filter((id): id is string => id !== undefined);
}

/** The published Nanos of the demo creators, in a stable order. */
function demoNanos(db: Kysely<Database>) {
  return db
    .selectFrom('nanos')
    .innerJoin('users', 'users.id', 'nanos.creator_id')
    .select(['nanos.id', 'nanos.creator_id', 'nanos.language', 'nanos.published_at'])
    .where('nanos.status', '=', 'published')
    .where('users.username', 'in', [...DEMO_NANO_CREATORS])
    .orderBy('nanos.published_at', 'asc')
    .orderBy('nanos.id', 'asc')
    .execute();
}

/**
 * Demo learner accounts (`demo-lernende-1` …) and their ratings of the published demo Nanos:
 * varied scores, about half with a short comment in the Nano's language, some helpful marks and
 * creator replies; then each Nano's average and count from the rows. `demo-consumer` rates nothing
 * (the end-to-end journey rates with it). Skipped once any learner has a rating.
 */
export const feedbackSeeder: Seeder = {
  name: 'feedback',
  // After the catalog seeder, which loads the demo Nanos in the background.
  background: true,
  async run(platform, config, logger) {
    const db = platform.database.db;
    const now = platform.clock.now();
    const learners = await ensureLearners(db, config.demoPassword, now);
    const already = await db
      .selectFrom('ratings')
      .select('id')
      .where('user_id', 'in', learners)
      .limit(1)
      .executeTakeFirst();
    if (already) {
      return;
    }
    const nanos = await demoNanos(db);
    let ratings = 0;
    await db.transaction().execute(async (trx) => {
      for (const [n, nano] of nanos.entries()) {
        const count = n % UNRATED_EVERY === UNRATED_EVERY - 1 ? 0 : 1 + Math.floor(unit(n, 1) * MAX_RATERS);
        const language = nano.language === 'en' ? 'en' : 'de';
        const published = (nano.published_at ?? now).getTime();
        for (let i = 0; i < Math.min(count, learners.length); i++) {
          const raterIndex = (n + i) % learners.length;
          const rater = learners[raterIndex] as string;
          const score = scoreFor(unit(n, 10 + i));
          // Consecutive raters of a Nano take different texts of the same score.
          const comments = DEMO_COMMENTS[language][score];
          const comment =
            unit(n, 20 + i) < COMMENT_SHARE
              ? nth(comments, Math.floor(unit(n, 25) * comments.length) + i)
              : null;
          // Some time after the publication (not in its first moments), never in the future.
          const createdAt = new Date(
            published + (0.05 + 0.95 * unit(n, 30 + i)) * Math.max(0, now.getTime() - published),
          );
          const replied = comment !== null && unit(n, 40 + i) < REPLY_SHARE;
          // A few hours to two days later, and before now.
          const replyDelay = Math.min(
            (2 + unit(n, 45 + i) * 46) * HOUR_MS,
            (now.getTime() - createdAt.getTime()) / 2,
          );
          const replyAt = new Date(createdAt.getTime() + replyDelay);
          const voters = learners.filter(
            (_, v) => v !== raterIndex && comment !== null && unit(n * 16 + i, 50 + v) < HELPFUL_SHARE,
          );
          const rating = await repo.insertRating(trx, {
            id: uuidv7(),
            nano_id: nano.id,
            user_id: rater,
            score,
            comment,
            helpful_count: voters.length,
            reply_text: replied
              ? nth(DEMO_REPLIES[language], Math.floor(unit(n, 60 + i) * DEMO_REPLIES[language].length))
              : null,
            reply_author_id: replied ? nano.creator_id : null,
            reply_created_at: replied ? replyAt : null,
            reply_updated_at: replied ? replyAt : null,
            created_at: createdAt,
            updated_at: createdAt,
          });
          if (voters.length > 0) {
            await trx
              .insertInto('rating_helpful_votes')
              .values(voters.map((voter) => ({ rating_id: rating.id, user_id: voter, created_at: now })))
              .execute();
          }
          ratings += 1;
        }
        await repo.lockNano(trx, nano.id);
        await repo.recountNano(trx, nano.id);
      }
    });
    logger.info({ nanos: nanos.length, ratings }, 'demo ratings seeded');
  },
};
