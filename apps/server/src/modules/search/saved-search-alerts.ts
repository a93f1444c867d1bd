import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Mailer } from '../../platform/mail.ts';
import { getUserCards, type UserCard } from '../identity/user-cards.ts';
import { usersConsentingTo } from '../privacy/consents.service.ts';
import { createPostgresSearchIndex } from './postgres-search-index.ts';
import { type DigestSection, renderSavedSearchDigest } from './saved-search.emails.ts';
import * as repo from './saved-searches.repository.ts';
import { storedFilters, unsubscribeToken } from './saved-searches.service.ts';
import { toIndexQuery } from './search.service.ts';
import type { SearchIndex } from './search-index.ts';

/** Daily at 06:00 UTC. */
export const SAVED_SEARCH_ALERTS_CRON = '0 6 * * *';
/** Users handled per batch, so the job never loads every subscriber at once. */
export const ALERT_USER_BATCH = 100;
/** New Nanos listed per saved search in one digest (the mail says how many more there are). */
export const ALERT_NANOS_PER_SEARCH = 10;

export interface SavedSearchAlertDeps {
  db: Kysely<Database>;
  clock: Clock;
  mailer: Mailer;
  publicUrl: string;
  secret: string;
}

/** The web app's pages the digest links to. */
const manageUrl = (publicUrl: string) => `${publicUrl}/gespeicherte-suchen`;
const unsubscribeUrl = (publicUrl: string, token: string) =>
  `${publicUrl}/gespeicherte-suchen/abbestellen?token=${encodeURIComponent(token)}`;

/** The new Nanos of one saved search, published after its last alert and up to `now`. */
async function newNanosOf(
  deps: SavedSearchAlertDeps & { index: SearchIndex },
  search: repo.SavedSearchRow,
  now: Date,
): Promise<DigestSection | null> {
  const query = await toIndexQuery(deps, storedFilters(search.filters), {
    offset: 0,
    limit: ALERT_NANOS_PER_SEARCH,
  });
  const result = await deps.index.search({
    ...query,
    publishedAfter: search.alerted_until,
    withoutFacets: true,
  });
  // A Nano published while the job runs belongs to the next digest (alerted_until becomes `now`).
  const shown = result.hits.filter((hit) => hit.publishedAt <= now);
  if (shown.length === 0) {
    return null;
  }
  return {
    name: search.name,
    total: result.total - (result.hits.length - shown.length),
    nanos: shown.map((hit) => ({ title: hit.title, url: `${deps.publicUrl}/nanos/${hit.nanoId}` })),
  };
}

/** One user's digest: mailed when anything is new, then their searches are marked as announced. */
async function alertUser(
  deps: SavedSearchAlertDeps & { index: SearchIndex },
  card: UserCard & { email: string },
  searches: repo.SavedSearchRow[],
  now: Date,
): Promise<void> {
  const sections: DigestSection[] = [];
  for (const search of searches) {
    const section = await newNanosOf(deps, search, now);
    if (section) {
      sections.push(section);
    }
  }
  if (sections.length > 0) {
    await deps.mailer.send({
      to: card.email,
      ...renderSavedSearchDigest(card.locale, {
        name: card.displayName,
        sections,
        manageUrl: manageUrl(deps.publicUrl),
        unsubscribeUrl: unsubscribeUrl(deps.publicUrl, unsubscribeToken(deps.secret, card.id)),
      }),
    });
  }
  await repo.markAlerted(
    deps.db,
    searches.map((search) => search.id),
    now,
  );
}

/**
 * Mails each active user with alerts who consented to notification emails one digest of new
 * Nanos matching their saved searches (job `search.saved_search_alerts`). A failure for one user does not stop the others: that
 * user's searches keep their `alerted_until`, so a retry or the next day's run sends the digest.
 * When any user failed, the job fails afterwards with a summary, so the queue logs and retries it.
 */
export async function sendSavedSearchAlerts(deps: SavedSearchAlertDeps): Promise<void> {
  const full = { ...deps, index: createPostgresSearchIndex(deps.db) };
  const now = deps.clock.now();
  const failures: Array<{ userId: string; error: unknown }> = [];
  let after: string | null = null;
  for (;;) {
    const userIds = await repo.usersWithAlerts(deps.db, after, ALERT_USER_BATCH);
    const last = userIds.at(-1);
    if (last === undefined) {
      break;
    }
    after = last;
    const cards = await getUserCards(deps.db, userIds);
    const searches = await repo.alertSearchesOf(deps.db, userIds);
    // Digests are notification emails: only for users who opted in to them (SPEC §4.7).
    const consenting = await usersConsentingTo(deps.db, userIds, 'notification_email');
    for (const userId of userIds) {
      const card = cards.get(userId);
      // Cards carry an email only for active accounts: suspended, restricted and erased ones get nothing.
      if (!card?.email || !consenting.has(userId)) {
        continue;
      }
      try {
        await alertUser(
          full,
          { ...card, email: card.email },
          searches.filter((search) => search.user_id === userId),
          now,
        );
      } catch (error) {
        failures.push({ userId, error });
      }
    }
  }
  if (failures.length > 0) {
    const first = failures[0];
    throw new Error(
      `saved-search alerts failed for ${failures.length} user(s), first ${first?.userId}: ${String(first?.error)}`,
      { cause: first?.error },
    );
  }
}
