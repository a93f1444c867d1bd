// `npm run explain -w @nano/bench`: the SQL of representative searches against the generated dataset,
// timed in-process and shown with `explain (analyze, buffers)`, for bench/README.md.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createPostgresSearchIndex } from '../apps/server/src/modules/search/postgres-search-index.ts';
import type { IndexQuery } from '../apps/server/src/modules/search/search-index.ts';
import { type DatabaseHandle, openDatabase } from '../apps/server/src/platform/db/index.ts';
import { DEFAULT_DATABASE_URL } from './generate/load.ts';

/** Timed runs per query after one warm-up run; the median is reported. */
const RUNS = 7;
const PAGE = { offset: 0, limit: 20 } as const;
/** A query without filters; spread and override per case. */
function query(overrides: Partial<IndexQuery>): IndexQuery {
  return {
    q: '',
    category: [],
    level: [],
    language: [],
    format: [],
    license: [],
    sort: 'relevance',
    ...PAGE,
    ...overrides,
  };
}

type Db = DatabaseHandle['db'];
type Plugin = Parameters<Db['withPlugin']>[0];
interface Captured {
  sql: string;
  parameters: readonly unknown[];
}

const log = (message: string) => process.stderr.write(`explain: ${message}\n`);

async function categoryId(client: pg.Client, slug: string): Promise<string> {
  const result = await client.query<{ id: string }>('select id from categories where slug = $1', [slug]);
  const id = result.rows[0]?.id;
  if (!id) {
    throw new Error(`category ${slug} is missing`);
  }
  return id;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: { 'database-url': { type: 'string' }, 'no-analyze': { type: 'boolean' } },
  });
  const url = values['database-url'] ?? process.env.BENCH_DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const handle = await openDatabase({ kind: 'postgres', url, poolMax: 2, statementTimeoutMs: 120_000 });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const captured: Captured[] = [];
    const plugin: Plugin = {
      transformQuery(args) {
        const compiled = handle.db.getExecutor().compileQuery(args.node, args.queryId);
        captured.push({ sql: compiled.sql, parameters: compiled.parameters });
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const index = createPostgresSearchIndex(handle.db.withPlugin(plugin));
    const python = await categoryId(client, 'it-python');
    const business = await categoryId(client, 'business');

    const searches: Array<[string, IndexQuery]> = [
      ['one common word: q=Excel', query({ q: 'Excel' })],
      ['two words: q=agiles Projektmanagement', query({ q: 'agiles Projektmanagement' })],
      ['rare word: q=Gefährdungsbeurteilung', query({ q: 'Gefährdungsbeurteilung' })],
      [
        'word + filters: q=python, level 1, language de, category it-python',
        query({ q: 'python', level: [1], language: ['de'], category: [python] }),
      ],
      ['word, sort newest: q=Datenschutz', query({ q: 'Datenschutz', sort: 'newest' })],
      ['no text, parent category business, relevance', query({ category: [business] })],
      ['typo without hits: q=Exel', query({ q: 'Exel' })],
    ];
    const others: Array<[string, () => Promise<unknown>]> = [
      ['suggest("exc")', () => index.suggest('exc', 8)],
      ['suggest("pr")', () => index.suggest('pr', 8)],
      ['correct("Exel")', () => index.correct('Exel')],
      ['correct("Projektmanagment")', () => index.correct('Projektmanagment')],
    ];

    const out: string[] = [];
    const timed = async (label: string, call: () => Promise<unknown>) => {
      await call();
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        captured.length = 0;
        const started = performance.now();
        await call();
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)] ?? Number.NaN;
      log(`${label}: median ${median.toFixed(1)} ms of ${RUNS} (min ${times[0]?.toFixed(1)} ms)`);
      out.push(
        `### ${label}\n\nIn-process median of ${RUNS} runs: **${median.toFixed(1)} ms** (min ${times[0]?.toFixed(1)} ms), ${captured.length} statement(s).\n`,
      );
      return [...captured];
    };
    const explain = async (statement: Captured) => {
      const mode = values['no-analyze'] ? '' : 'analyze, buffers';
      const plan = await client.query<{ 'QUERY PLAN': string }>(
        `explain (${mode}${mode ? ', ' : ''}costs) ${statement.sql}`,
        [...statement.parameters],
      );
      out.push(`\`\`\`text\n${plan.rows.map((row) => row['QUERY PLAN']).join('\n')}\n\`\`\`\n`);
    };

    for (const [label, query] of searches) {
      const statements = await timed(label, () => index.search(query));
      // The first statement is the search itself (the second fetches the 20 result cards by id).
      const main = statements[0];
      if (main) {
        await explain(main);
      }
    }
    for (const [label, call] of others) {
      const statements = await timed(label, call);
      for (const statement of statements) {
        await explain(statement);
      }
    }
    const [first] = searches;
    if (first) {
      captured.length = 0;
      await index.search(first[1]);
      out.push(
        `### The main statement (as compiled for "${first[1].q}")\n\n\`\`\`sql\n${captured[0]?.sql.trim()}\n\`\`\`\n\nParameters: \`${JSON.stringify(captured[0]?.parameters)}\`\n`,
      );
    }
    process.stdout.write(`${out.join('\n')}\n`);
  } finally {
    await client.end();
    await handle.close();
  }
}

try {
  await main();
} catch (error) {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
}
