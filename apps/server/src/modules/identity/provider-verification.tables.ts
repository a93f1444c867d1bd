import type { Selectable } from 'kysely';

/**
 * The register number behind a provider's verified badge (owned by the identity module). The
 * badge itself is `user_profiles.provider_verified_at`, kept in step with this row in the same
 * transaction, so every reader of user cards gets it without a join.
 */
export interface ProviderVerificationsTable {
  user_id: string;
  register_number: string;
  note: string;
  verified_at: Date;
  verified_by: string | null;
}

export interface ProviderVerificationTables {
  provider_verifications: ProviderVerificationsTable;
}

export type ProviderVerificationRow = Selectable<ProviderVerificationsTable>;
