import type { FastifyInstance } from 'fastify';
import type { ChatDeps } from './chat.deps.ts';
import { registerChatHandlers } from './chat.realtime.ts';
import * as sessions from './chat.repository.ts';
import { chatRoutes } from './chat.routes.ts';
import { chatModerationRoutes } from './chat-moderation.routes.ts';

/** The chat: sessions, messages, moderation of held messages, real-time handlers. */
export async function chatModule(app: FastifyInstance, options: { deps: ChatDeps }): Promise<void> {
  await chatRoutes(app, options);
  await chatModerationRoutes(app, options);
  registerChatHandlers(options.deps);
  // Presence is personal data: a user sees whether someone is online only when they chat with them.
  options.deps.realtime.setPresencePolicy?.((userId, userIds) =>
    sessions.partnersAmong(options.deps.db, userId, userIds),
  );
}
