import { privateQueryKeyPrefix } from '../../../shared/auth/get-current-user.ts';

/** Every moderation query starts with this key, so that one decision can refresh them all. */
export const moderationQueryKey = [privateQueryKeyPrefix, 'moderation'] as const;

/** The lists of the workspace refresh this often: ages grow, new items arrive, colleagues decide. */
export const MODERATION_REFRESH_MS = 60_000;

/** Rows per page of every moderation list. */
export const MODERATION_PAGE_SIZE = 20;
