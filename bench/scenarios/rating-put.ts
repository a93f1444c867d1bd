import type autocannon from 'autocannon';
import type pg from 'pg';
import { runLoad } from '../lib/measure.ts';
import { type CustomContext, customScenario, type HttpPlan, type Measurement } from '../lib/scenario.ts';
import { csrfHeaders } from './api-session.ts';
import { createRatingFixture, requirePostgres, signInAll } from './rating-fixtures.ts';

/** Every this-many-th request carries a comment (the others only a score). */
const COMMENT_EVERY = 4;

interface Consistency {
  ratingCount: number;
  ratingAvg: number | null;
  rows: number;
  distinctRaters: number;
  storedAvg: number | null;
}

async function consistency(client: pg.Client, nanoId: string): Promise<Consistency> {
  const result = await client.query<{
    rating_count: number;
    rating_avg: number | null;
    rows: string;
    raters: string;
    stored_avg: number | null;
  }>(
    `select n.rating_count, n.rating_avg,
            (select count(*) from ratings r where r.nano_id = n.id) as rows,
            (select count(distinct r.user_id) from ratings r where r.nano_id = n.id and r.score_counts) as raters,
            (select avg(r.score)::double precision from ratings r where r.nano_id = n.id and r.score_counts) as stored_avg
     from nanos n where n.id = $1`,
    [nanoId],
  );
  const row = result.rows[0];
  if (!row) {
    throw new Error('the hot Nano is gone');
  }
  return {
    ratingCount: row.rating_count,
    ratingAvg: row.rating_avg,
    rows: Number(row.rows),
    distinctRaters: Number(row.raters),
    storedAvg: row.stored_avg,
  };
}

async function run(ctx: CustomContext): Promise<Measurement> {
  const databaseUrl = requirePostgres(ctx, 'rating-put');
  const fixture = await createRatingFixture(databaseUrl, 'rating-put', ctx.connections);
  try {
    const cookies = await signInAll(ctx.baseUrl, fixture.raters);
    let nextClient = 0;
    let sent = 0;
    // Each connection is one rater with its own session, sending score after score.
    const setupClient = (client: autocannon.Client) => {
      const cookie = cookies[nextClient++ % cookies.length] as string;
      client.setHeaders({ ...csrfHeaders([cookie]), 'content-type': 'application/json' });
    };
    const plan: HttpPlan = {
      expectStatus: [200],
      requests: [
        {
          method: 'PUT',
          path: `/api/v1/nanos/${fixture.nanoId}/rating`,
          setupRequest: (request) => {
            const n = sent++;
            const score = (n % 5) + 1;
            const comment = n % COMMENT_EVERY === 0 ? `Bewertung Nr. ${n}: ${score} von 5 Sternen.` : null;
            return { ...request, body: JSON.stringify({ score, comment }) };
          },
        },
      ],
    };
    const load = (durationSeconds: number, record: boolean) =>
      runLoad({
        baseUrl: ctx.baseUrl,
        plan,
        connections: ctx.connections,
        durationSeconds,
        signal: ctx.signal,
        record,
        setupClient,
      });
    if (ctx.warmupSeconds > 0) {
      await load(ctx.warmupSeconds, false);
    }
    const measurement = await load(ctx.durationSeconds, true);
    // Requests cut off by the end of the run may still be committing: let the server finish them.
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    const check = await consistency(fixture.client, fixture.nanoId);
    const avgMatches =
      check.ratingAvg !== null &&
      check.storedAvg !== null &&
      Math.abs(check.ratingAvg - check.storedAvg) < 1e-9;
    const ok =
      check.ratingCount === check.distinctRaters &&
      check.rows === ctx.connections &&
      check.distinctRaters === ctx.connections &&
      avgMatches;
    process.stderr.write(
      `bench: rating-put: ${sent} PUTs sent by ${ctx.connections} raters (warm-up included); ` +
        `nanos.rating_count ${check.ratingCount} vs ${check.distinctRaters} distinct raters (${check.rows} rows), ` +
        `nanos.rating_avg ${check.ratingAvg} vs avg of the stored scores ${check.storedAvg}: ` +
        `${ok ? 'consistent, no lost updates' : 'INCONSISTENT'}\n`,
    );
    if (!ok) {
      throw new Error(
        `lost update: rating_count ${check.ratingCount} / rating_avg ${check.ratingAvg} do not match ` +
          `${check.distinctRaters} raters / average ${check.storedAvg}`,
      );
    }
    return measurement;
  } finally {
    await fixture.remove();
  }
}

/** Issue 6: rating throughput on one hot Nano, and no lost update of its average and count. */
export const ratingPut = customScenario({
  name: 'rating-put',
  dataset: 'own',
  description:
    'PUT /api/v1/nanos/:id/rating on ONE published Nano, every connection a different signed-in user sending score after score (1–5, every 4th with a comment); each write locks the Nano row, upserts the rating and recomputes its count and average. Afterwards checks rating_count = distinct raters and rating_avg = average of the stored scores. PostgreSQL only.',
  run,
});
