import {
  chatMessageSchema,
  disableChatRequestSchema,
  heldMessageDecisionSchema,
  heldMessageListSchema,
  heldMessageQuerySchema,
} from '@nano/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../errors.ts';
import type { ChatDeps } from './chat.deps.ts';
import {
  decideMessage,
  disableChat,
  enableChat,
  listModerationQueue,
  type ModeratorContext,
} from './chat-moderation.service.ts';

const TAGS = ['chat', 'moderation'];
const idParams = z.object({ id: z.uuid() });

function moderatorOf(request: FastifyRequest): ModeratorContext {
  if (!request.auth) {
    throw errors.unauthorized();
  }
  const userAgent = request.headers['user-agent'];
  return { auth: request.auth, ip: request.ip, userAgent, locale: request.locale };
}

/** Moderators and admins: held and flagged messages, decisions on them, disabling sessions. */
export async function chatModerationRoutes(
  app: FastifyInstance,
  { deps }: { deps: ChatDeps },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const staff = { preValidation: app.requireRole('moderator', 'admin') };

  r.get(
    '/api/v1/moderation/chat-messages',
    {
      schema: {
        tags: TAGS,
        summary:
          'Messages held by the content filter or flagged by a participant, oldest first (each view is audited)',
        querystring: heldMessageQuerySchema,
        response: { 200: heldMessageListSchema },
      },
      ...staff,
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return listModerationQueue(deps, moderatorOf(request), request.query);
    },
  );

  r.post(
    '/api/v1/moderation/chat-messages/:id/decision',
    {
      schema: {
        tags: TAGS,
        summary: 'Releases (delivers) or rejects a held or flagged message; resolves its open flags',
        params: idParams,
        body: heldMessageDecisionSchema,
        response: { 200: chatMessageSchema },
      },
      ...staff,
    },
    async (request) => decideMessage(deps, moderatorOf(request), request.params.id, request.body.decision),
  );

  r.post(
    '/api/v1/moderation/chats/:id/disable',
    {
      schema: {
        tags: TAGS,
        summary: 'Disables a chat: no new messages; both parties see the reason',
        params: idParams,
        body: disableChatRequestSchema,
        response: { 204: z.null() },
      },
      ...staff,
    },
    async (request, reply) => {
      await disableChat(deps, moderatorOf(request), request.params.id, request.body.reason);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/v1/moderation/chats/:id/enable',
    {
      schema: {
        tags: TAGS,
        summary: 'Enables a disabled chat again',
        params: idParams,
        response: { 204: z.null() },
      },
      ...staff,
    },
    async (request, reply) => {
      await enableChat(deps, moderatorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
