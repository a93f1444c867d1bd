import type { Locale } from '@nano/contracts';
import { getUserCards } from '../identity/user-cards.ts';
import { requireSession } from './chat.access.ts';
import { CHAT_TRANSCRIPT_MAX } from './chat.constants.ts';
import type { ChatDeps } from './chat.deps.ts';
import { DELETED_USER_NAME, slugOf } from './chat.presenter.ts';
import * as repo from './chat-messages.repository.ts';
import {
  TRANSCRIPT_LABELS,
  type TranscriptInput,
  transcriptText,
  transcriptTime,
} from './chat-transcript.format.ts';
import { transcriptPdf } from './chat-transcript.pdf.ts';

/** The download's file: body, type and an ASCII file name (`chat-<nano>-<date>.txt`). */
export interface TranscriptFile {
  body: Buffer;
  contentType: string;
  contentDisposition: string;
}

/**
 * The caller's transcript of a session: every visible message and the caller's own (held and
 * rejected ones marked), never the other party's held or rejected ones; times in Europe/Berlin.
 */
export async function exportTranscript(
  deps: ChatDeps,
  userId: string,
  chatId: string,
  format: 'txt' | 'pdf',
  locale: Locale,
): Promise<TranscriptFile> {
  const session = await requireSession(deps, userId, chatId);
  const { rows, truncated } = await repo.transcriptMessages(deps.db, chatId, userId, CHAT_TRANSCRIPT_MAX);
  const cards = await getUserCards(deps.db, [userId, session.other_id]);
  const labels = TRANSCRIPT_LABELS[locale];
  const nameOf = (id: string | null) =>
    (id ? cards.get(id)?.displayName : undefined) ?? DELETED_USER_NAME[locale];
  const creatorId = session.my_role === 'creator' ? userId : session.other_id;
  const party = (id: string) => (id === creatorId ? `${nameOf(id)} (${labels.creator})` : nameOf(id));
  const input: TranscriptInput = {
    nanoTitle: session.nano_title,
    parties: [party(userId), party(session.other_id)],
    exportedAt: deps.clock.now(),
    lines: rows.map((row) => ({
      at: row.created_at,
      name: nameOf(row.sender_id),
      text: row.body,
      status: row.status,
    })),
    truncated,
    locale,
  };
  const date = transcriptTime(input.exportedAt).slice(0, 10);
  const fileName = `chat-${slugOf(session.nano_title).slice(0, 60).replace(/-+$/, '')}-${date}.${format}`;
  return {
    body: format === 'pdf' ? await transcriptPdf(input) : Buffer.from(transcriptText(input), 'utf8'),
    contentType: format === 'pdf' ? 'application/pdf' : 'text/plain; charset=utf-8',
    contentDisposition: `attachment; filename="${fileName}"`,
  };
}
