import { privateQueryKeyPrefix } from '../../../shared/auth/get-current-user.ts';

/** Every cached view of the admin area (users, privacy requests, inventory): a privacy action may change any. */
export const adminQueryKey = [privateQueryKeyPrefix, 'admin'] as const;

/** The DSGVO console's own cached views (requests, inventories, retention preview, legal history). */
export const privacyAdminQueryKey = [...adminQueryKey, 'privacy'] as const;
