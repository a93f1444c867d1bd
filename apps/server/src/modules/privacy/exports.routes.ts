import type { FastifyInstance } from 'fastify';
import type { PrivacyDeps } from './privacy.deps.ts';

/** Placeholder: filled in by the privacy issue (issue 9). */
export async function exportsRoutes(_app: FastifyInstance, _options: { deps: PrivacyDeps }): Promise<void> {}
