import { DATA_CATEGORIES, type DataCategory, type DataInventory } from '@nano/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { PERSONAL_DATA_REGISTRY } from './personal-data.registry.ts';

/** What erasure does with a data category (the inventory shows it next to the count). */
export type InventoryDisposition = DataInventory['items'][number]['onErasure'];

/**
 * The registry column whose erasure disposition stands for each category: the column that ties
 * the rows to the user (or, for the account and profile, their personal content).
 */
export const INVENTORY_ERASURE_SOURCE: Record<DataCategory, { table: string; column: string }> = {
  account: { table: 'users', column: 'display_name' },
  profile: { table: 'user_profiles', column: 'bio' },
  consents: { table: 'consent_records', column: 'user_id' },
  sessions: { table: 'sessions', column: 'user_id' },
  nanos: { table: 'nanos', column: 'creator_id' },
  nano_versions: { table: 'nano_versions', column: 'created_by' },
  ratings: { table: 'ratings', column: 'user_id' },
  rating_replies: { table: 'ratings', column: 'reply_text' },
  favorites: { table: 'favorites', column: 'user_id' },
  lists: { table: 'lists', column: 'owner_id' },
  saved_searches: { table: 'saved_searches', column: 'user_id' },
  chat_sessions: { table: 'chat_sessions', column: 'consumer_id' },
  chat_messages: { table: 'chat_messages', column: 'sender_id' },
  notifications: { table: 'notifications', column: 'user_id' },
  flags_submitted: { table: 'flags', column: 'reporter_id' },
  data_exports: { table: 'data_exports', column: 'user_id' },
  audit_events: { table: 'audit_events', column: 'actor_id' },
};

/** A category's disposition from the personal-data registry (`retained: <reason>` → `retained`). */
export function erasureDispositionOf(category: DataCategory): InventoryDisposition {
  const { table, column } = INVENTORY_ERASURE_SOURCE[category];
  const disposition = PERSONAL_DATA_REGISTRY[table]?.columns[column];
  if (!disposition?.personal) {
    throw new Error(`personal-data registry: ${table}.${column} is not a personal column`);
  }
  return disposition.erasure.startsWith('retained')
    ? 'retained'
    : (disposition.erasure as InventoryDisposition);
}

type Counter = (db: Kysely<Database>, userId: string) => Promise<number>;

const count = (query: { executeTakeFirst(): Promise<{ n: string | number | bigint } | undefined> }) =>
  query.executeTakeFirst().then((row) => Number(row?.n ?? 0));

/** One query per category: how many rows of it belong to the user. */
const COUNTERS: Record<DataCategory, Counter> = {
  account: (db, id) =>
    count(
      db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('id', '=', id),
    ),
  profile: (db, id) =>
    count(
      db
        .selectFrom('user_profiles')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('user_id', '=', id),
    ),
  consents: (db, id) =>
    count(
      db
        .selectFrom('consent_records')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('user_id', '=', id),
    ),
  sessions: (db, id) =>
    count(
      db
        .selectFrom('sessions')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('user_id', '=', id),
    ),
  nanos: (db, id) =>
    count(
      db
        .selectFrom('nanos')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('creator_id', '=', id),
    ),
  nano_versions: (db, id) =>
    count(
      db
        .selectFrom('nano_versions')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('created_by', '=', id),
    ),
  ratings: (db, id) =>
    count(
      db
        .selectFrom('ratings')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('user_id', '=', id),
    ),
  rating_replies: (db, id) =>
    count(
      db
        .selectFrom('ratings')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('reply_author_id', '=', id),
    ),
  favorites: (db, id) =>
    count(
      db
        .selectFrom('favorites')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('user_id', '=', id),
    ),
  lists: (db, id) =>
    count(
      db
        .selectFrom('lists')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('owner_id', '=', id),
    ),
  saved_searches: (db, id) =>
    count(
      db
        .selectFrom('saved_searches')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('user_id', '=', id),
    ),
  chat_sessions: (db, id) =>
    count(
      db
        .selectFrom('chat_sessions')
        .select((eb) => eb.fn.countAll().as('n'))
        .where((eb) => eb.or([eb('consumer_id', '=', id), eb('creator_id', '=', id)])),
    ),
  chat_messages: (db, id) =>
    count(
      db
        .selectFrom('chat_messages')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('sender_id', '=', id),
    ),
  notifications: (db, id) =>
    count(
      db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('user_id', '=', id),
    ),
  flags_submitted: (db, id) =>
    count(
      db
        .selectFrom('flags')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('reporter_id', '=', id),
    ),
  data_exports: (db, id) =>
    count(
      db
        .selectFrom('data_exports')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('user_id', '=', id),
    ),
  audit_events: (db, id) =>
    count(
      db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('actor_id', '=', id),
    ),
};

/**
 * The data inventory of one account (GET /admin/users/{id}/data-inventory): how many rows of each
 * category hold the user's data, and what erasure does with each. Counts run one after another
 * (the embedded database has one connection).
 */
export async function dataInventory(db: Kysely<Database>, userId: string): Promise<DataInventory> {
  const exists = await db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
  if (!exists) {
    throw new AppError('not_found');
  }
  const items: DataInventory['items'] = [];
  for (const category of DATA_CATEGORIES) {
    items.push({
      category,
      count: await COUNTERS[category](db, userId),
      onErasure: erasureDispositionOf(category),
    });
  }
  return { userId, items };
}
