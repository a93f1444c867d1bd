import { WS_CLOSE_CODES } from '@nano/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.ts';
import type { RealtimeGateway } from './realtime.hub.ts';

/** The path of the chat WebSocket. */
export const WS_PATH = '/api/v1/ws';

/**
 * `GET /api/v1/ws`: the chat WebSocket. Checked before the upgrade, answered with problem JSON
 * instead of a socket when refused: the Origin must be one of the allowed origins (403
 * `origin_not_allowed`; the browser attaches the cookie to a cross-site WebSocket, so this is the
 * CSRF defence), and the access cookie must belong to a live session of a complete account (401).
 */
export async function realtimeRoutes(
  app: FastifyInstance,
  { gateway, allowedOrigins }: { gateway: RealtimeGateway; allowedOrigins: readonly string[] },
): Promise<void> {
  const checkOrigin = async (request: FastifyRequest): Promise<void> => {
    const origin = request.headers.origin;
    if (!origin || !allowedOrigins.includes(origin)) {
      throw new AppError('origin_not_allowed');
    }
  };

  app.get(WS_PATH, { websocket: true, preHandler: [checkOrigin, app.requireAuth] }, (socket, request) => {
    const auth = request.auth;
    if (!auth) {
      socket.close(WS_CLOSE_CODES.unauthorized, 'unauthorized');
      return;
    }
    gateway.accept(socket, { userId: auth.userId, sessionId: auth.sessionId, locale: request.locale });
  });
}
