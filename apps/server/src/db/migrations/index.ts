import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.ts';
import * as m0002 from './0002_audit.ts';
import * as m0003 from './0003_identity.ts';
import * as m0004 from './0004_catalog.ts';
import * as m0005 from './0005_notifications.ts';
import * as m0006 from './0006_search.ts';
import * as m0007 from './0007_search_split.ts';
import * as m0008 from './0008_ratings.ts';
import * as m0009 from './0009_lists.ts';
import * as m0010 from './0010_notification_settings.ts';
import * as m0011 from './0011_analytics.ts';
import * as m0012 from './0012_chat.ts';
import * as m0013 from './0013_flags.ts';
import * as m0014 from './0014_moderation.ts';
import * as m0015 from './0015_review_checklist.ts';
import * as m0016 from './0016_privacy.ts';
import * as m0017 from './0017_ops.ts';

/**
 * Every migration, by its numbered name. Forward-only: a released migration is never edited;
 * a change is a new file added here. Listed statically so the bundled server carries them.
 */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_audit': m0002,
  '0003_identity': m0003,
  '0004_catalog': m0004,
  '0005_notifications': m0005,
  '0006_search': m0006,
  '0007_search_split': m0007,
  '0008_ratings': m0008,
  '0009_lists': m0009,
  '0010_notification_settings': m0010,
  '0011_analytics': m0011,
  '0012_chat': m0012,
  '0013_flags': m0013,
  '0014_moderation': m0014,
  '0015_review_checklist': m0015,
  '0016_privacy': m0016,
  '0017_ops': m0017,
};
