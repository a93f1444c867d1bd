import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../module-deps.ts';

/** Every route of the feedback module (issue 6; being built). */
export async function feedbackModule(_app: FastifyInstance, _options: { deps: ModuleDeps }): Promise<void> {}
