import { F, no, p, STAFF, STAFF_RETAINED, type TableEntry } from './personal-data.types.ts';

/** Personal-data registry: notifications, search, chat, analytics and platform tables (see personal-data.types.ts). */
export const PLATFORM_TABLES: Record<string, TableEntry> = {
  // ---- notifications ----
  notifications: {
    subject: { column: 'user_id' },
    userColumns: ['user_id'],
    columns: {
      id: no,
      user_id: p('notifications', F.notifications, 'deleted'),
      type: p('notifications', F.notifications, 'deleted'),
      payload: p('notifications', F.notifications, 'deleted'),
      read_at: p('notifications', F.notifications, 'deleted'),
      created_at: p('notifications', F.notifications, 'deleted'),
      email_status: p('notifications', F.notifications, 'deleted'),
      email_sent_at: p('notifications', F.notifications, 'deleted'),
      collapse_key: no,
    },
  },
  notification_settings: {
    subject: { column: 'user_id' },
    userColumns: ['user_id'],
    columns: {
      user_id: p('notification_settings', F.notifications, 'deleted'),
      type: p('notification_settings', F.notifications, 'deleted'),
      channel: p('notification_settings', F.notifications, 'deleted'),
      updated_at: p('notification_settings', F.notifications, 'deleted'),
    },
  },
  notification_email_log: {
    subject: { column: 'user_id' },
    userColumns: ['user_id'],
    columns: {
      user_id: p('notification_settings', F.notifications, 'deleted'),
      type: p('notification_settings', F.notifications, 'deleted'),
      last_sent_at: p('notification_settings', F.notifications, 'deleted'),
    },
  },

  // ---- search ----
  saved_searches: {
    subject: { column: 'user_id' },
    userColumns: ['user_id'],
    columns: {
      id: no,
      user_id: p('saved_searches', F.savedSearches, 'deleted'),
      name: p('saved_searches', F.savedSearches, 'deleted'),
      filters: p('saved_searches', F.savedSearches, 'deleted'),
      alert: p('saved_searches', F.savedSearches, 'deleted'),
      alerted_until: p('saved_searches', F.savedSearches, 'deleted'),
      created_at: p('saved_searches', F.savedSearches, 'deleted'),
    },
  },
  search_documents: {
    subject: { column: 'creator_id' },
    userColumns: ['creator_id'],
    columns: {
      nano_id: no,
      creator_id: p(
        'nanos',
        'not_exported: search index derived from the Nano (nanos.json has it)',
        'anonymised',
      ),
      language: no,
      level: no,
      format: no,
      license: no,
      duration_minutes: no,
      category_ids: no,
      rating_avg: no,
      rating_count: no,
      rating_score: no,
      favorite_count: no,
      view_count: no,
      popularity: no,
      published_at: no,
    },
  },
  /** Derived from published Nanos (title, excerpt, tags): follows the Nano. */
  search_texts: {
    subject: null,
    userColumns: [],
    columns: {
      nano_id: no,
      language: no,
      title: no,
      title_norm: no,
      excerpt: no,
      tags: no,
      thumbnail_key: no,
      document: no,
    },
  },
  /** Anonymous search analytics: no account, no address. */
  search_queries: {
    subject: null,
    userColumns: [],
    columns: { id: no, query_norm: no, filters: no, result_count: no, created_at: no },
  },
  search_clicks: {
    subject: null,
    userColumns: [],
    columns: { id: no, query_norm: no, nano_id: no, position: no, created_at: no },
  },
  search_terms: {
    subject: null,
    userColumns: [],
    columns: { term: no, kind: no, display: no, doc_count: no },
  },

  // ---- chat ----
  chat_sessions: {
    subject: { column: 'consumer_id' },
    userColumns: ['consumer_id', 'creator_id', 'disabled_by'],
    columns: {
      id: no,
      nano_id: p('chat_sessions', F.chats, 'deidentified'),
      /** The chat stays for the other party; the erased side shows "Gelöschter Nutzer". */
      consumer_id: p('chat_sessions', F.chats, 'anonymised'),
      creator_id: p('chat_sessions', F.chats, 'anonymised', 'creator_id'),
      status: p('chat_sessions', F.chats, 'deidentified'),
      disabled_reason: p('chat_sessions', F.chats, 'deidentified'),
      disabled_by: p('staff_work', STAFF, STAFF_RETAINED),
      disabled_at: p('chat_sessions', F.chats, 'deidentified'),
      last_message_at: p('chat_sessions', F.chats, 'deidentified'),
      last_activity_at: no,
      created_at: p('chat_sessions', F.chats, 'deidentified'),
      updated_at: no,
    },
  },
  chat_participants: {
    subject: { column: 'user_id' },
    userColumns: ['user_id'],
    columns: {
      chat_id: no,
      user_id: p('chat_sessions', F.chats, 'anonymised'),
      role: p('chat_sessions', F.chats, 'deidentified'),
      muted: p('chat_sessions', F.chats, 'deleted'),
      last_read_message_id: p(
        'chat_sessions',
        'not_exported: read marker (last_read_at is exported)',
        'deleted',
      ),
      last_read_at: p('chat_sessions', F.chats, 'deleted'),
    },
  },
  chat_messages: {
    subject: { column: 'sender_id' },
    userColumns: ['sender_id', 'reviewed_by'],
    columns: {
      id: no,
      chat_id: no,
      /** Set to null: the other party keeps the message, shown from "Gelöschter Nutzer". */
      sender_id: p('chat_messages', F.chats, 'deidentified'),
      client_id: p(
        'chat_messages',
        'not_exported: technical idempotency key of the sending device',
        'deleted',
      ),
      body: p('chat_messages', F.chats, 'deidentified'),
      status: p('chat_messages', F.chats, 'deidentified'),
      hold_reasons: p('chat_messages', F.chats, 'deidentified'),
      reviewed_by: p('staff_work', STAFF, STAFF_RETAINED),
      reviewed_at: p('chat_messages', F.chats, 'deidentified'),
      created_at: p('chat_messages', F.chats, 'deidentified'),
    },
  },

  // ---- analytics ----
  /** Per-Nano daily aggregates: no person. */
  nano_daily_stats: {
    subject: null,
    userColumns: [],
    columns: {
      nano_id: no,
      day: no,
      views: no,
      unique_viewers: no,
      downloads: no,
      favorites: no,
      ratings_count: no,
      ratings_sum: no,
    },
  },
  /** `viewer_hash` is salted per day and the salts are deleted: not linkable to an account. */
  nano_events: {
    subject: null,
    userColumns: [],
    columns: { id: no, nano_id: no, kind: no, viewer_hash: no, day: no, created_at: no },
  },
  analytics_salts: { subject: null, userColumns: [], columns: { day: no, salt: no, created_at: no } },
  analytics_state: {
    subject: null,
    userColumns: [],
    columns: { id: no, last_rolled_day: no, last_rollup_at: no },
  },

  // ---- platform ----
  /**
   * The embedded mailer's outbox (development and single-machine setups; production sends via
   * SMTP and stores nothing). The retention job deletes its mails after RETENTION.mailOutboxDays.
   */
  mail_outbox: {
    subject: null,
    userColumns: [],
    columns: {
      id: no,
      to_address: p(
        'mail',
        'not_exported: copies of emails already delivered to the user’s own inbox',
        'deleted',
      ),
      subject: p(
        'mail',
        'not_exported: copies of emails already delivered to the user’s own inbox',
        'deleted',
      ),
      text_body: p(
        'mail',
        'not_exported: copies of emails already delivered to the user’s own inbox',
        'deleted',
      ),
      html_body: p(
        'mail',
        'not_exported: copies of emails already delivered to the user’s own inbox',
        'deleted',
      ),
      created_at: no,
    },
  },
  jobs: {
    subject: null,
    userColumns: [],
    columns: {
      id: no,
      name: no,
      payload: p(
        'platform',
        'not_exported: transient work queue (ids only), pruned after completion',
        'retained: pruned by the job queue after completion',
      ),
      status: no,
      attempts: no,
      max_attempts: no,
      backoff_ms: no,
      run_at: no,
      locked_until: no,
      singleton_key: no,
      last_error: no,
      created_at: no,
      finished_at: no,
    },
  },
  job_schedules: {
    subject: null,
    userColumns: [],
    columns: { name: no, cron: no, payload: no, next_run_at: no, updated_at: no },
  },
  ops_status: {
    subject: null,
    userColumns: [],
    columns: { name: no, ok: no, at: no, last_success_at: no, details: no },
  },
  kysely_migration: { subject: null, userColumns: [], columns: { name: no, timestamp: no } },
  kysely_migration_lock: { subject: null, userColumns: [], columns: { id: no, is_locked: no } },
};
