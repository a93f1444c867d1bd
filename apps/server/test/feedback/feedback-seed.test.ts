import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COMMENTS, DEMO_LEARNERS, DEMO_REPLIES } from '../../src/modules/feedback/demo-ratings.ts';
import { feedbackSeeder } from '../../src/modules/feedback/feedback.seed.ts';
import { identitySeeder } from '../../src/modules/identity/identity.seed.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { TestClient } from '../http-client.ts';
import { insertNano } from '../search/search-fixtures.ts';

const silent = { info: () => {}, warn: () => {}, error: () => {} } as never;

describe(`feedback demo data (${testDatabaseKind})`, () => {
  let t: TestApp;
  const nanos: Array<{ id: string; language: 'de' | 'en'; creatorId: string }> = [];
  let draftId: string;

  beforeAll(async () => {
    t = await buildTestApp();
    await identitySeeder.run(t.platform, t.config, silent);
    const db = t.platform.database.db;
    const creators = await db
      .selectFrom('users')
      .select(['id', 'username'])
      .where('username', 'in', ['vhs-musterstadt', 'akademie-digital'])
      .execute();
    for (const [i, creator] of creators.entries()) {
      for (let n = 0; n < 6; n++) {
        const language = (i + n) % 3 === 0 ? 'en' : 'de';
        nanos.push({
          id: await insertNano(t, creator.id, {
            title: `Demo ${creator.username} ${n}`,
            language,
            publishedAt: new Date(t.clock.now().getTime() - (n + 1) * 7 * 86_400_000),
          }),
          language,
          creatorId: creator.id,
        });
      }
    }
    draftId = await insertNano(t, creators[0]?.id as string, { title: 'Demo-Entwurf', status: 'draft' });
    await feedbackSeeder.run(t.platform, t.config, silent);
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates the learners and rates the published demo Nanos with figures that match the rows', async () => {
    const db = t.platform.database.db;
    const learners = await db
      .selectFrom('users')
      .select(['id', 'username', 'role'])
      .where(
        'username',
        'in',
        DEMO_LEARNERS.map((l) => l.username),
      )
      .execute();
    expect(learners).toHaveLength(DEMO_LEARNERS.length);
    expect(new Set(learners.map((l) => l.role))).toEqual(new Set(['consumer']));

    const ratings = await db.selectFrom('ratings').selectAll().execute();
    expect(ratings.length).toBeGreaterThan(nanos.length);
    expect(ratings.every((r) => learners.some((l) => l.id === r.user_id))).toBe(true);
    expect(ratings.some((r) => r.nano_id === draftId)).toBe(false);
    expect(new Set(ratings.map((r) => r.score)).size).toBeGreaterThanOrEqual(3);
    const withComment = ratings.filter((r) => r.comment !== null);
    expect(withComment.length / ratings.length).toBeGreaterThan(0.25);
    expect(withComment.length / ratings.length).toBeLessThan(0.75);
    expect(ratings.some((r) => r.reply_text !== null)).toBe(true);
    expect(ratings.some((r) => r.helpful_count > 0)).toBe(true);

    for (const nano of nanos) {
      const own = ratings.filter((r) => r.nano_id === nano.id);
      const row = await db
        .selectFrom('nanos')
        .select(['rating_count', 'rating_avg'])
        .where('id', '=', nano.id)
        .executeTakeFirstOrThrow();
      expect(row.rating_count).toBe(own.length);
      if (own.length > 0) {
        expect(row.rating_avg).toBeCloseTo(own.reduce((sum, r) => sum + r.score, 0) / own.length, 10);
      }
      const comments = Object.values(DEMO_COMMENTS[nano.language]).flat();
      for (const rating of own) {
        if (rating.comment !== null) {
          expect(comments).toContain(rating.comment);
        }
        if (rating.reply_text !== null) {
          expect(DEMO_REPLIES[nano.language]).toContain(rating.reply_text);
          expect(rating.reply_author_id).toBe(nano.creatorId);
        }
        expect(rating.created_at.getTime()).toBeLessThanOrEqual(t.clock.now().getTime());
      }
    }
    const votes = await db.selectFrom('rating_helpful_votes').select(['rating_id', 'user_id']).execute();
    for (const rating of ratings) {
      const marks = votes.filter((v) => v.rating_id === rating.id);
      expect(rating.helpful_count).toBe(marks.length);
      expect(marks.some((m) => m.user_id === rating.user_id)).toBe(false);
    }
  });

  it('leaves demo-consumer without ratings and lets the learners sign in', async () => {
    const db = t.platform.database.db;
    const consumer = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'demo-consumer')
      .executeTakeFirstOrThrow();
    expect(await db.selectFrom('ratings').select('id').where('user_id', '=', consumer.id).execute()).toEqual(
      [],
    );
    const client = new TestClient(t.app, { ip: '198.51.100.96' });
    const res = await client.post('/api/v1/auth/login', {
      login: DEMO_LEARNERS[0]?.username,
      password: t.config.demoPassword,
    });
    expect(res.statusCode).toBe(200);
  });

  it('changes nothing when run again', async () => {
    const count = async () =>
      Number(
        (
          await t.platform.database.db
            .selectFrom('ratings')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await feedbackSeeder.run(t.platform, t.config, silent);
    expect(await count()).toBe(before);
  });
});
