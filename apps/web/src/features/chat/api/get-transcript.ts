import type { transcriptQuerySchema } from '@nano/contracts';
import type { z } from 'zod';

export type TranscriptFormat = z.output<typeof transcriptQuerySchema>['format'];

/** The formats offered for download, in menu order. */
export const TRANSCRIPT_FORMATS = ['txt', 'pdf'] as const satisfies readonly TranscriptFormat[];

/** `GET /api/v1/chats/{id}/transcript?format=`: the conversation as a file download (the session cookie signs it). */
export function transcriptUrl(chatId: string, format: TranscriptFormat): string {
  return `/api/v1/chats/${encodeURIComponent(chatId)}/transcript?${new URLSearchParams({ format })}`;
}
