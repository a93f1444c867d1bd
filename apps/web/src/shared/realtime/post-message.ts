import { type ChatMessage, chatMessageSchema } from '@nano/contracts';
import { apiFetch } from '../api/client.ts';

/**
 * `POST /api/v1/chats/{id}/messages` {text, clientId}: the REST way to send, used while the socket
 * is not online. Idempotent by `clientId`, so a retry after a lost answer stores nothing twice.
 * @throws ApiError (429 `chat_rate_limited` carries `retryAfterSeconds`).
 */
export function postMessage(chatId: string, text: string, clientId: string): Promise<ChatMessage> {
  return apiFetch(`/api/v1/chats/${encodeURIComponent(chatId)}/messages`, chatMessageSchema, {
    method: 'POST',
    json: { text, clientId },
  });
}
