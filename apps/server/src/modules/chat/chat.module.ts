import type { FastifyInstance } from 'fastify';
import type { ChatDeps } from './chat.deps.ts';

/** The chat: sessions, messages, moderation of held messages, real-time handlers. */
export async function chatModule(_app: FastifyInstance, _options: { deps: ChatDeps }): Promise<void> {}
