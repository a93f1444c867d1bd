import { errors } from '../../errors.ts';
import type { ChatDeps } from './chat.deps.ts';
import type { SessionViewRow } from './chat.repository.ts';
import * as repo from './chat.repository.ts';

/**
 * The session as the user sees it. Anyone who is not one of its two parties gets 404, as if it did
 * not exist (moderators read sessions through the moderation tools only).
 */
export async function requireSession(
  deps: Pick<ChatDeps, 'db'>,
  userId: string,
  chatId: string,
): Promise<SessionViewRow> {
  const row = await repo.findSessionView(deps.db, userId, chatId);
  if (!row) {
    throw errors.notFound();
  }
  return row;
}
