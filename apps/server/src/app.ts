import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import etag from '@fastify/etag';
import multipart from '@fastify/multipart';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { AppConfig } from './config.ts';
import { registerJobs } from './jobs.ts';
import { adminModule } from './modules/admin/admin.module.ts';
import { analyticsModule } from './modules/analytics/analytics.module.ts';
import { createActivityTracker, userActivityPlugin } from './modules/analytics/user-activity.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { createAuditService } from './modules/audit/audit.service.ts';
import type { CatalogDeps } from './modules/catalog/catalog.deps.ts';
import { catalogRoutes } from './modules/catalog/catalog.routes.ts';
import { contentRoutes } from './modules/catalog/content.routes.ts';
import { samplingRandom } from './modules/catalog/trust-policy.ts';
import { versionRoutes } from './modules/catalog/versions.routes.ts';
import { chatModule } from './modules/chat/chat.module.ts';
import { devRoutes } from './modules/dev/dev.routes.ts';
import { feedbackModule } from './modules/feedback/feedback.module.ts';
import { createIdentityDeps, identityModule } from './modules/identity/identity.module.ts';
import { liveSessionIds } from './modules/identity/session.service.ts';
import { listsModule } from './modules/lists/lists.module.ts';
import { moderationModule } from './modules/moderation/moderation.module.ts';
import type { ModuleDeps } from './modules/module-deps.ts';
import { notificationRoutes } from './modules/notifications/notifications.routes.ts';
import { createLiveNotificationService } from './modules/notifications/notifications.service.ts';
import { registerOpsMetrics } from './modules/ops/ops.metrics.ts';
import { privacyModule } from './modules/privacy/privacy.module.ts';
import type { RealtimeTimings } from './modules/realtime/realtime.constants.ts';
import { createRealtimeHub } from './modules/realtime/realtime.hub.ts';
import { realtimeRoutes } from './modules/realtime/realtime.routes.ts';
import { createPostgresSearchIndex } from './modules/search/postgres-search-index.ts';
import type { SearchDeps } from './modules/search/search.deps.ts';
import { searchModule } from './modules/search/search.module.ts';
import { searchAnalytics } from './modules/search/search-admin.service.ts';
import { taxonomyRoutes } from './modules/taxonomy/taxonomy.routes.ts';
import { createTaxonomyService } from './modules/taxonomy/taxonomy.service.ts';
import type { Platform } from './platform/index.ts';
import { annotateServerSpan } from './platform/tracing/spans.ts';
import { errorHandlerPlugin } from './plugins/error-handler.ts';
import { healthRoutes, type Lifecycle } from './plugins/health.ts';
import { metricsPlugin } from './plugins/metrics.ts';
import { openApiPlugin } from './plugins/openapi.ts';
import { rateLimitPlugin } from './plugins/rate-limit.ts';
import { securityHeadersPlugin } from './plugins/security-headers.ts';
import { webAppPlugin } from './plugins/web-app.ts';
import { APP_VERSION } from './version.ts';

/** An incoming `X-Request-Id` is kept only when it looks like an id (no log injection). */
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

export interface BuildAppOptions {
  config: AppConfig;
  platform: Platform;
  /** The process logger (pino); tests usually pass false. */
  logger: Logger | false;
  /** Shorter WebSocket heartbeats and presence checks (tests); the defaults otherwise. */
  realtime?: Partial<RealtimeTimings>;
}

/**
 * Builds the whole HTTP application as a Fastify instance without listening, so tests use
 * `app.inject` and the server entry point adds only listening and shutdown.
 */
export async function buildApp({
  config,
  platform,
  logger,
  realtime: realtimeTimings,
}: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(logger ? { loggerInstance: logger as FastifyBaseLogger } : { logger: false }),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    // genReqId reads X-Request-Id itself, so a malformed incoming id is replaced rather than trusted.
    requestIdHeader: false,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    },
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    annotateServerSpan({ method: request.method, id: request.id, route: request.routeOptions.url });
  });
  // Shutdown (server.ts) sets `draining`: readiness answers 503, and every answer from then on
  // closes its connection, so an idle keep-alive socket cannot hold the closing server open.
  const lifecycle: Lifecycle = { draining: false };
  app.decorate('lifecycle', lifecycle);
  app.addHook('onSend', async (_request, reply) => {
    if (lifecycle.draining) {
      reply.header('connection', 'close');
    }
  });

  // External and cross-cutting plugins first, then modules (fastify/demo order).
  await app.register(errorHandlerPlugin);
  await app.register(securityHeadersPlugin, { production: config.env === 'production' });
  await app.register(metricsPlugin, { platform });
  registerOpsMetrics(app.metrics, { db: platform.database.db });
  await app.register(rateLimitPlugin, {
    maxPerMinute: config.rateLimitPerMinute,
    redis: platform.redis,
    keyPrefix: config.redis?.keyPrefix ?? '',
  });
  await app.register(cookie, { secret: config.sessionSecret });
  await app.register(etag);
  await app.register(multipart, { limits: { files: 1, fields: 10, fieldSize: 64 * 1024 } });
  const realtime = createRealtimeHub({
    bus: platform.bus,
    presence: platform.presence,
    liveSessions: (sessionIds) =>
      liveSessionIds({ db: platform.database.db, clock: platform.clock }, sessionIds),
    metrics: app.realtimeMetrics,
    log: app.log,
    ...(realtimeTimings ? { timings: realtimeTimings } : {}),
  });
  // Replaces the plugin's own preClose: every socket gets 1001 "going away" before the server closes.
  await app.register(websocket, { options: { maxPayload: 64 * 1024 }, preClose: () => realtime.close() });
  await app.register(openApiPlugin, { publicUrl: config.publicUrl, version: APP_VERSION });

  const audit = createAuditService({ db: platform.database.db, clock: platform.clock });
  const taxonomy = createTaxonomyService({ db: platform.database.db, cache: platform.cache });
  const identity = createIdentityDeps(config, platform, audit);
  const activity = createActivityTracker({
    db: platform.database.db,
    clock: platform.clock,
    onError: (error) => app.log.warn({ err: error }, 'user activity not recorded'),
  });
  await app.register(userActivityPlugin, { tracker: activity });
  await app.register(identityModule, { config, deps: identity, storage: platform.storage, taxonomy });

  await app.register(healthRoutes, { platform });
  await app.register(auditRoutes, { audit });
  await app.register(taxonomyRoutes, { taxonomy });

  app.addHook('onClose', () => realtime.close());
  await app.register(realtimeRoutes, { gateway: realtime, allowedOrigins: config.allowedOrigins });
  const notifications = createLiveNotificationService(
    { db: platform.database.db, clock: platform.clock },
    realtime,
  );
  await app.register(notificationRoutes, { notifications });
  const catalog: CatalogDeps = {
    db: platform.database.db,
    clock: platform.clock,
    storage: platform.storage,
    audit,
    notifications,
    mailer: platform.mailer,
    taxonomy,
    jobs: platform.jobs,
    publicUrl: config.publicUrl,
    random: samplingRandom(config.moderationSampleSeed),
  };
  await app.register(catalogRoutes, { deps: catalog, secureCookies: config.env === 'production' });
  await app.register(versionRoutes, { deps: catalog });
  await app.register(contentRoutes, { deps: catalog });
  const search: SearchDeps = {
    db: platform.database.db,
    clock: platform.clock,
    cache: platform.cache,
    index: createPostgresSearchIndex(platform.database.db),
    taxonomy,
    audit,
    mailer: platform.mailer,
    publicUrl: config.publicUrl,
    secret: config.sessionSecret,
  };
  await app.register(searchModule, { deps: search });
  const modules: ModuleDeps = {
    db: platform.database.db,
    clock: platform.clock,
    cache: platform.cache,
    storage: platform.storage,
    jobs: platform.jobs,
    mailer: platform.mailer,
    audit,
    notifications,
    publicUrl: config.publicUrl,
    secret: config.sessionSecret,
  };
  await app.register(feedbackModule, { deps: modules });
  await app.register(listsModule, { deps: modules });
  await app.register(analyticsModule, { deps: modules });
  await app.register(chatModule, { deps: { ...modules, realtime, settings: config.chat } });
  await app.register(moderationModule, { deps: { ...modules, realtime } });
  await app.register(adminModule, {
    deps: { ...modules, taxonomy, searchAnalytics: (range) => searchAnalytics(search, range) },
  });
  // The 2FA secret is encrypted at rest: erasure and restriction confirm the code before acting.
  await app.register(privacyModule, { deps: { ...modules, secretBox: identity.secretBox } });
  registerJobs(platform, config, realtime);
  if (config.env !== 'production' && config.mail.kind === 'outbox') {
    await app.register(devRoutes, { db: platform.database.db });
  }

  await app.register(webAppPlugin, { distDir: config.webDistDir });
  return app;
}
