import type { Locale, MessageStatus } from '@nano/contracts';
import { CHAT_TIME_ZONE, CHAT_TRANSCRIPT_MAX } from './chat.constants.ts';

/** One line of a transcript. */
export interface TranscriptLine {
  at: Date;
  name: string;
  text: string;
  status: MessageStatus;
}

/** What both formats are made from. */
export interface TranscriptInput {
  nanoTitle: string;
  /** Both parties, the caller first; the creator marked. */
  parties: string[];
  exportedAt: Date;
  lines: TranscriptLine[];
  /** Older messages were left out (more than {@link CHAT_TRANSCRIPT_MAX}). */
  truncated: boolean;
  locale: Locale;
}

/** The wording of transcripts. */
export const TRANSCRIPT_LABELS = {
  de: {
    title: (nano: string) => `Chat-Verlauf zum Nano „${nano}“`,
    parties: 'Teilnehmende',
    creator: 'Creator',
    exportedAt: 'Exportiert am',
    truncated: (max: number) => `Nur die letzten ${max} Nachrichten; ältere sind nicht enthalten.`,
    empty: 'Noch keine Nachrichten.',
    held: 'wird geprüft',
    rejected: 'abgelehnt',
    page: (n: number, of: number) => `Seite ${n} von ${of}`,
  },
  en: {
    title: (nano: string) => `Chat transcript for the Nano “${nano}”`,
    parties: 'Participants',
    creator: 'creator',
    exportedAt: 'Exported on',
    truncated: (max: number) => `Only the last ${max} messages; older ones are not included.`,
    empty: 'No messages yet.',
    held: 'under review',
    rejected: 'rejected',
    page: (n: number, of: number) => `Page ${n} of ${of}`,
  },
} as const;

/** `YYYY-MM-DD HH:mm` in the platform's time zone. */
export function transcriptTime(at: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: CHAT_TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** The text after a line's name: the message, marked when it is the caller's own held or rejected one. */
export function lineText(line: TranscriptLine, locale: Locale): string {
  const labels = TRANSCRIPT_LABELS[locale];
  const mark =
    line.status === 'held' ? ` [${labels.held}]` : line.status === 'rejected' ? ` [${labels.rejected}]` : '';
  return `${line.text}${mark}`;
}

/** The header lines both formats start with. */
export function headerLines(input: TranscriptInput): string[] {
  const labels = TRANSCRIPT_LABELS[input.locale];
  return [
    labels.title(input.nanoTitle),
    `${labels.parties}: ${input.parties.join(', ')}`,
    `${labels.exportedAt}: ${transcriptTime(input.exportedAt)} (${CHAT_TIME_ZONE})`,
    ...(input.truncated ? [labels.truncated(CHAT_TRANSCRIPT_MAX)] : []),
  ];
}

/**
 * The plain-text transcript (UTF-8): the header, a blank line, then one `[YYYY-MM-DD HH:mm] Name:
 * text` per message; further lines of a message are indented, so every line is either a new
 * message or part of the one above.
 */
export function transcriptText(input: TranscriptInput): string {
  const body =
    input.lines.length === 0
      ? [TRANSCRIPT_LABELS[input.locale].empty]
      : input.lines.map((line) => {
          const [first = '', ...rest] = lineText(line, input.locale).split(/\r?\n/);
          return [`[${transcriptTime(line.at)}] ${line.name}: ${first}`, ...rest.map((r) => `    ${r}`)].join(
            '\n',
          );
        });
  return `${[...headerLines(input), '', ...body].join('\n')}\n`;
}
