import { ERASED_USER_NAME } from '@nano/contracts';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { SecretBox } from '../identity/crypto/secret-box.ts';
import {
  EXPORT_FILES,
  type ExportFile,
  exportedColumns,
  PERSONAL_DATA_REGISTRY,
  type RowSubject,
} from './personal-data.registry.ts';

/**
 * Reads everything the registry exports about one user, read-only. Each JSON file gets one
 * section per table (named after the table), each row with the table's exported columns: the
 * registry is the single source, so a column added there lands in the export without code here.
 * Chats and the Nano files are shaped by hand (transcripts, original ZIPs).
 */

type Row = Record<string, unknown>;
export type ExportDocuments = Map<ExportFile, Record<string, Row[]>>;

/** JSON-friendly values: timestamps as ISO strings, bigint counts as numbers. */
export function plain(value: unknown): unknown {
  if (value instanceof Date) {
    return value.toISOString();
  }
  if (typeof value === 'bigint') {
    return Number(value);
  }
  return value;
}

async function rowsOf(
  db: Kysely<Database>,
  table: string,
  subject: RowSubject,
  columns: string[],
  userId: string,
): Promise<Row[]> {
  const select = sql.join(columns.map((c) => sql`t.${sql.id(c)}`));
  const query =
    'column' in subject
      ? sql<Row>`select ${select} from ${sql.table(table)} t where t.${sql.id(subject.column)} = ${userId}`
      : sql<Row>`select ${select} from ${sql.table(table)} t
           join ${sql.table(subject.via.table)} o on o.${sql.id(subject.via.key)} = t.${sql.id(subject.via.column)}
          where o.${sql.id(subject.via.subject)} = ${userId}`;
  const result = await query.execute(db);
  return result.rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])));
}

/** A section name for rows selected by another column than the table's subject. */
function sectionName(table: string, subjectColumn: string | undefined): string {
  if (!subjectColumn) {
    return table;
  }
  return table === 'ratings' && subjectColumn === 'reply_author_id'
    ? 'rating_replies'
    : `${table}_as_${subjectColumn}`;
}

/**
 * Every registry-driven JSON file of the export (chats and Nano files excluded), with the phone
 * number decrypted, the audit events about the user added (without the staff actor) and the
 * export rows reduced to what the user should see.
 */
export async function collectDocuments(
  db: Kysely<Database>,
  secretBox: SecretBox | undefined,
  userId: string,
): Promise<ExportDocuments> {
  const docs: ExportDocuments = new Map();
  for (const file of Object.values(EXPORT_FILES)) {
    if (file.endsWith('.json')) {
      docs.set(file, {});
    }
  }
  // Group exported columns by table, by the column naming the row's user, and by file.
  const groups = new Map<
    string,
    { table: string; subjectColumn?: string; file: ExportFile; columns: string[] }
  >();
  for (const column of exportedColumns()) {
    if (!column.file.endsWith('.json')) {
      continue;
    }
    const key = `${column.table}|${column.subject ?? ''}|${column.file}`;
    const group = groups.get(key) ?? {
      table: column.table,
      ...(column.subject ? { subjectColumn: column.subject } : {}),
      file: column.file,
      columns: [],
    };
    group.columns.push(column.column);
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    const entry = PERSONAL_DATA_REGISTRY[group.table];
    const subject: RowSubject | null = group.subjectColumn
      ? { column: group.subjectColumn }
      : (entry?.subject ?? null);
    if (!subject) {
      continue;
    }
    // Row ids help to relate the sections (e.g. a rating and its reply).
    const extra = entry?.columns.id && !group.columns.includes('id') ? ['id'] : [];
    const rows = await rowsOf(db, group.table, subject, [...extra, ...group.columns], userId);
    const doc = docs.get(group.file) as Record<string, Row[]>;
    doc[sectionName(group.table, group.subjectColumn)] = rows;
  }
  decryptPhone(docs, secretBox);
  await addAuditAboutUser(db, docs, userId);
  return docs;
}

function decryptPhone(docs: ExportDocuments, secretBox: SecretBox | undefined): void {
  for (const row of docs.get(EXPORT_FILES.profile)?.user_profiles ?? []) {
    const encrypted = row.phone_encrypted;
    delete row.phone_encrypted;
    row.phone = typeof encrypted === 'string' && secretBox ? secretBox.decrypt(encrypted) : null;
  }
}

/** Events others (staff, the system) recorded about the user's account: without who acted. */
async function addAuditAboutUser(db: Kysely<Database>, docs: ExportDocuments, userId: string): Promise<void> {
  const rows = await db
    .selectFrom('audit_events')
    .select(['id', 'occurred_at', 'action', 'target_type', 'target_id', 'details', 'outcome'])
    .where('target_type', '=', 'user')
    .where('target_id', '=', userId)
    .where((eb) => eb.or([eb('actor_id', 'is', null), eb('actor_id', '!=', userId)]))
    .orderBy('seq')
    .execute();
  const doc = docs.get(EXPORT_FILES.audit) as Record<string, Row[]>;
  doc.audit_events_about_you = rows.map((row) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])),
  );
}

// ---- chats ----

export interface ChatTranscript {
  /** `chats/<yyyy-mm-dd>-<other party>-<id>.json`. */
  path: string;
  content: Row;
}

function fileSafe(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'x'
  );
}

/**
 * One transcript per chat session the user took part in: both parties' messages in order, the
 * other party by display name, senders whose account was erased as "Gelöschter Nutzer".
 */
export async function collectChats(
  db: Kysely<Database>,
  userId: string,
  locale: 'de' | 'en',
): Promise<ChatTranscript[]> {
  const sessions = await db
    .selectFrom('chat_sessions as s')
    .innerJoin('users as consumer', 'consumer.id', 's.consumer_id')
    .innerJoin('users as creator', 'creator.id', 's.creator_id')
    .leftJoin('nanos as n', 'n.id', 's.nano_id')
    .select([
      's.id',
      's.nano_id',
      's.consumer_id',
      's.creator_id',
      's.status',
      's.disabled_reason',
      's.disabled_at',
      's.last_message_at',
      's.created_at',
      'n.title as nano_title',
      'consumer.display_name as consumer_name',
      'creator.display_name as creator_name',
    ])
    .where((eb) => eb.or([eb('s.consumer_id', '=', userId), eb('s.creator_id', '=', userId)]))
    .orderBy('s.created_at')
    .execute();
  const transcripts: ChatTranscript[] = [];
  for (const session of sessions) {
    const participant = await db
      .selectFrom('chat_participants')
      .select(['user_id', 'role', 'muted', 'last_read_at'])
      .where('chat_id', '=', session.id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    const messages = await db
      .selectFrom('chat_messages as m')
      .leftJoin('users as u', 'u.id', 'm.sender_id')
      .select([
        'm.id',
        'm.sender_id',
        'm.body',
        'm.status',
        'm.hold_reasons',
        'm.reviewed_at',
        'm.created_at',
        'u.display_name',
        'u.status as sender_status',
      ])
      .where('m.chat_id', '=', session.id)
      // Messages of the other party still held for review were never delivered to the user.
      .where((eb) => eb.or([eb('m.sender_id', '=', userId), eb('m.status', '=', 'visible')]))
      .orderBy('m.created_at')
      .orderBy('m.id')
      .execute();
    const iAmConsumer = session.consumer_id === userId;
    const otherName = iAmConsumer ? session.creator_name : session.consumer_name;
    const erasedName = ERASED_USER_NAME[locale];
    const senderName = (id: string | null, name: string | null, status: string | null) =>
      id === null || status === 'deleted' ? erasedName : (name ?? erasedName);
    const created = plain(session.created_at) as string;
    transcripts.push({
      path: `${EXPORT_FILES.chats}${created.slice(0, 10)}-${fileSafe(otherName)}-${session.id}.json`,
      content: {
        id: session.id,
        nano_id: session.nano_id,
        nano_title: session.nano_title,
        your_role: iAmConsumer ? 'consumer' : 'creator',
        other_party: otherName,
        consumer_id: iAmConsumer ? session.consumer_id : null,
        creator_id: iAmConsumer ? null : session.creator_id,
        status: session.status,
        disabled_reason: session.disabled_reason,
        disabled_at: plain(session.disabled_at),
        last_message_at: plain(session.last_message_at),
        created_at: created,
        participant: participant
          ? {
              user_id: participant.user_id,
              role: participant.role,
              muted: participant.muted,
              last_read_at: plain(participant.last_read_at),
            }
          : null,
        messages: messages.map((m) => {
          const mine = m.sender_id === userId;
          return {
            id: m.id,
            from: mine
              ? locale === 'de'
                ? 'Sie'
                : 'You'
              : senderName(m.sender_id, m.display_name, m.sender_status),
            ...(mine ? { sender_id: m.sender_id } : {}),
            body: m.body,
            status: m.status,
            ...(mine ? { hold_reasons: m.hold_reasons, reviewed_at: plain(m.reviewed_at) } : {}),
            created_at: plain(m.created_at),
          };
        }),
      },
    });
  }
  return transcripts;
}

// ---- Nano files ----

export interface NanoFile {
  /** `nanos/<title-slug>-<short id>/v<semver>.zip`. */
  path: string;
  objectKey: string;
}

/** The profile picture as stored (`avatar.webp`), if the user has one. */
async function collectAvatar(db: Kysely<Database>, userId: string): Promise<NanoFile[]> {
  const profile = await db
    .selectFrom('user_profiles')
    .select('avatar_key')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!profile?.avatar_key) {
    return [];
  }
  const extension = /\.([a-z0-9]+)$/.exec(profile.avatar_key)?.[1] ?? 'bin';
  return [{ path: `avatar.${extension}`, objectKey: profile.avatar_key }];
}

/** The stored files of the user: the profile picture and the original ZIP of every version they uploaded. */
export async function collectStoredFiles(db: Kysely<Database>, userId: string): Promise<NanoFile[]> {
  return [...(await collectAvatar(db, userId)), ...(await collectNanoFiles(db, userId))];
}

/** The original ZIP of every version the user uploaded. */
async function collectNanoFiles(db: Kysely<Database>, userId: string): Promise<NanoFile[]> {
  const rows = await db
    .selectFrom('nano_versions as v')
    .innerJoin('nanos as n', 'n.id', 'v.nano_id')
    .select(['v.object_key', 'v.semver', 'v.id', 'n.id as nano_id', 'n.title'])
    .where('v.created_by', '=', userId)
    .where('v.object_key', 'is not', null)
    .orderBy('v.created_at')
    .execute();
  const seen = new Set<string>();
  const files: NanoFile[] = [];
  for (const row of rows) {
    const folder = `${fileSafe(row.title ?? 'nano')}-${row.nano_id.slice(-8)}`;
    let path = `${EXPORT_FILES.nanoFiles}${folder}/v${fileSafe(row.semver ?? row.id.slice(-8)).replaceAll('-', '.')}.zip`;
    if (seen.has(path)) {
      path = path.replace(/\.zip$/, `-${row.id.slice(-8)}.zip`);
    }
    seen.add(path);
    files.push({ path, objectKey: row.object_key as string });
  }
  return files;
}
