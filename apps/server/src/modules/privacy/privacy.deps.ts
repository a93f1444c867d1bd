import type { AppConfig } from '../../config.ts';
import type { Platform } from '../../platform/index.ts';
import { createAuditService } from '../audit/audit.service.ts';
import type { SecretBox } from '../identity/crypto/secret-box.ts';
import { createFieldSecretBox } from '../identity/identity.module.ts';
import type { ModuleDeps } from '../module-deps.ts';
import { createLiveNotificationService } from '../notifications/notifications.service.ts';
import type { RealtimeHub } from '../realtime/realtime.types.ts';

/**
 * What the privacy module uses: the common module deps (routes get them from buildApp), and the
 * identity module's secret box for the routes that confirm a 2FA code (jobs have none).
 */
export type PrivacyDeps = ModuleDeps & { secretBox?: SecretBox };

/** The same deps for the background jobs, built from the platform (serve and worker). */
export function privacyDepsFromPlatform(
  platform: Platform,
  config: Pick<AppConfig, 'publicUrl' | 'sessionSecret' | 'dataEncryptionKeys'>,
  realtime?: Pick<RealtimeHub, 'publishToUser'>,
): PrivacyDeps {
  const db = platform.database.db;
  return {
    // The export job decrypts the phone number.
    secretBox: createFieldSecretBox(config),
    db,
    clock: platform.clock,
    cache: platform.cache,
    storage: platform.storage,
    jobs: platform.jobs,
    mailer: platform.mailer,
    audit: createAuditService({ db, clock: platform.clock }),
    notifications: createLiveNotificationService({ db, clock: platform.clock }, realtime),
    publicUrl: config.publicUrl,
    secret: config.sessionSecret,
  };
}
