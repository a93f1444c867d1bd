import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../module-deps.ts';

/** Every route of the lists module (issue 6; being built). */
export async function listsModule(_app: FastifyInstance, _options: { deps: ModuleDeps }): Promise<void> {}
