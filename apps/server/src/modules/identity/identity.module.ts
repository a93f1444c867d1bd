import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AppConfig } from '../../config.ts';
import type { Platform } from '../../platform/index.ts';
import type { ObjectStorage } from '../../platform/storage.ts';
import { authPlugin } from '../../plugins/auth.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { TaxonomyService } from '../taxonomy/taxonomy.service.ts';
import { createTokenSigner } from './access-token.ts';
import { createSecretBox, deriveKey, type SecretBox } from './crypto/secret-box.ts';
import type { IdentityDeps } from './identity.deps.ts';
import { identityRoutes } from './identity.routes.ts';
import { profileRoutes } from './profile.routes.ts';
import { authenticate } from './session.service.ts';

/** The field encryptor (phone numbers, 2FA secrets) from the configured keys; the first one encrypts. */
export function createFieldSecretBox(config: Pick<AppConfig, 'dataEncryptionKeys'>): SecretBox {
  const keys = config.dataEncryptionKeys.map((k) => ({
    id: k.id,
    key: deriveKey(k.secret, 'field-encryption'),
  }));
  return createSecretBox(keys, keys[0]?.id ?? '');
}

/** Builds the identity module's dependencies from the configuration and platform. */
export function createIdentityDeps(config: AppConfig, platform: Platform, audit: AuditService): IdentityDeps {
  return {
    db: platform.database.db,
    clock: platform.clock,
    cache: platform.cache,
    mailer: platform.mailer,
    audit,
    signer: createTokenSigner(config.jwtKeys, platform.clock),
    secretBox: createFieldSecretBox(config),
    publicUrl: config.publicUrl,
    requireStaffTwoFactor: config.requireStaffTwoFactor,
  };
}

/**
 * Registers authentication (cookies → session, CSRF, guards) for the whole app, and the account
 * endpoints. Not encapsulated: every later module relies on `request.auth` and the guards.
 */
export const identityModule = fp<{
  config: AppConfig;
  deps: IdentityDeps;
  storage: ObjectStorage;
  taxonomy: TaxonomyService;
}>(
  async (app: FastifyInstance, { config, deps, storage, taxonomy }) => {
    const secureCookies = config.env === 'production';
    await app.register(authPlugin, {
      authenticate: (token) => authenticate(deps, token),
      allowedOrigins: config.allowedOrigins,
      secureCookies,
    });
    await app.register(identityRoutes, { deps, secureCookies });
    await app.register(profileRoutes, { deps: { ...deps, storage, taxonomy } });
  },
  { name: 'identity' },
);
