import {
  chatListQuerySchema,
  chatListSchema,
  chatMessagePageSchema,
  chatMessageSchema,
  chatSessionSchema,
  flagMessageRequestSchema,
  flagSchema,
  markChatReadRequestSchema,
  messageListQuerySchema,
  openChatRequestSchema,
  openChatResponseSchema,
  sendMessageRequestSchema,
  transcriptQuerySchema,
  unreadCountSchema,
  updateChatRequestSchema,
} from '@nano/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../errors.ts';
import { sendDownload } from '../../lib/download.ts';
import type { AuthContext } from '../identity/session.service.ts';
import { CHAT_TRANSCRIPT_RATE_LIMIT } from './chat.constants.ts';
import type { ChatDeps } from './chat.deps.ts';
import { getChat, listChats, markRead, openChat, setMuted, unreadCount } from './chat.service.ts';
import { flagMessage, listMessages, sendMessage } from './chat-messages.service.ts';
import { exportTranscript } from './chat-transcript.ts';

const TAGS = ['chat'];
const idParams = z.object({ id: z.uuid() });

function authOf(request: FastifyRequest): AuthContext {
  if (!request.auth) {
    throw errors.unauthorized();
  }
  return request.auth;
}

/** Chat answers are personal and change with every message: never stored by a cache. */
function noStore(reply: FastifyReply): void {
  reply.header('cache-control', 'no-store');
}

/** The chat's REST API for its participants (SPEC §4.5, docs/chat.md); WebSocket events go through the hub. */
export async function chatRoutes(app: FastifyInstance, { deps }: { deps: ChatDeps }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const signedIn = { preValidation: app.requireAuth };

  r.post(
    '/api/v1/chats',
    {
      schema: {
        tags: TAGS,
        summary:
          'Opens the chat about a published Nano with its creator (or reuses the existing one), optionally with a first message',
        body: openChatRequestSchema,
        response: { 200: openChatResponseSchema, 201: openChatResponseSchema },
      },
      ...signedIn,
    },
    async (request, reply) => {
      const result = await openChat(deps, authOf(request), request.body);
      return reply.code(result.reused ? 200 : 201).send(result);
    },
  );

  r.get(
    '/api/v1/chats',
    {
      schema: {
        tags: TAGS,
        summary:
          "The caller's chats (active, including disabled ones, or archived), newest conversation first",
        querystring: chatListQuerySchema,
        response: { 200: chatListSchema },
      },
      ...signedIn,
    },
    async (request, reply) => {
      noStore(reply);
      return listChats(deps, authOf(request), request.query);
    },
  );

  r.get(
    '/api/v1/chats/unread-count',
    {
      schema: {
        tags: TAGS,
        summary: "Unread messages over all of the caller's chats, and in how many chats",
        response: { 200: unreadCountSchema },
      },
      ...signedIn,
    },
    async (request, reply) => {
      noStore(reply);
      return unreadCount(deps, authOf(request).userId);
    },
  );

  r.get(
    '/api/v1/chats/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'One chat of the caller (404 for anyone else)',
        params: idParams,
        response: { 200: chatSessionSchema },
      },
      ...signedIn,
    },
    async (request, reply) => {
      noStore(reply);
      return getChat(deps, authOf(request).userId, request.params.id);
    },
  );

  r.patch(
    '/api/v1/chats/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Mutes or unmutes the chat for the caller (no notifications while muted)',
        params: idParams,
        body: updateChatRequestSchema,
        response: { 200: chatSessionSchema },
      },
      ...signedIn,
    },
    async (request) => setMuted(deps, authOf(request), request.params.id, request.body.muted),
  );

  r.get(
    '/api/v1/chats/:id/messages',
    {
      schema: {
        tags: TAGS,
        summary: 'A page of the history, newest first (`before` for older, `after` for newer messages)',
        params: idParams,
        querystring: messageListQuerySchema,
        response: { 200: chatMessagePageSchema },
      },
      ...signedIn,
    },
    async (request, reply) => {
      noStore(reply);
      return listMessages(deps, authOf(request).userId, request.params.id, request.query);
    },
  );

  r.post(
    '/api/v1/chats/:id/messages',
    {
      schema: {
        tags: TAGS,
        summary:
          'Sends a message (idempotent by clientId: a repeat answers 200 with the stored message; 429 beyond the rate limit)',
        params: idParams,
        body: sendMessageRequestSchema,
        response: { 200: chatMessageSchema, 201: chatMessageSchema },
      },
      ...signedIn,
    },
    async (request, reply) => {
      const sent = await sendMessage(deps, authOf(request).userId, request.params.id, request.body);
      return reply.code(sent.created ? 201 : 200).send(sent.message);
    },
  );

  r.post(
    '/api/v1/chats/:id/read',
    {
      schema: {
        tags: TAGS,
        summary: 'Marks the chat read up to and including a message',
        params: idParams,
        body: markChatReadRequestSchema,
        response: { 204: z.null() },
      },
      ...signedIn,
    },
    async (request, reply) => {
      await markRead(deps, authOf(request).userId, request.params.id, request.body.upTo);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/v1/chats/:id/transcript',
    {
      schema: {
        tags: TAGS,
        summary:
          'Downloads the transcript as UTF-8 text or PDF (times in Europe/Berlin; wording by Accept-Language)',
        params: idParams,
        querystring: transcriptQuerySchema,
      },
      config: { rateLimit: CHAT_TRANSCRIPT_RATE_LIMIT },
      ...signedIn,
    },
    async (request, reply) => {
      const file = await exportTranscript(
        deps,
        authOf(request).userId,
        request.params.id,
        request.query.format,
        request.locale,
      );
      return sendDownload(reply, file);
    },
  );

  r.post(
    '/api/v1/messages/:id/flag',
    {
      schema: {
        tags: TAGS,
        summary:
          'Reports a message of the other party to the moderators (one open report per message; 409 when there is one)',
        params: idParams,
        body: flagMessageRequestSchema,
        response: { 201: flagSchema },
      },
      ...signedIn,
    },
    async (request, reply) => {
      const flag = await flagMessage(deps, authOf(request).userId, request.params.id, request.body);
      return reply.code(201).send(flag);
    },
  );
}
