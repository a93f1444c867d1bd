import type { Locale } from '@nano/contracts';
import { type MailContent, renderMail } from '../../lib/mail-layout.ts';

/** One saved search in a digest: the new Nanos shown and how many there are in all. */
export interface DigestSection {
  name: string;
  total: number;
  nanos: Array<{ title: string; url: string }>;
}

export interface DigestInput {
  name: string;
  sections: DigestSection[];
  /** The page listing the user's saved searches. */
  manageUrl: string;
  /** Turns off all alerts without signing in. */
  unsubscribeUrl: string;
}

function sectionLines(section: DigestSection, heading: string, more: (n: number) => string): string[] {
  const rest = section.total - section.nanos.length;
  return [
    heading,
    ...section.nanos.map((nano) => `• ${nano.title}: ${nano.url}`),
    ...(rest > 0 ? [more(rest)] : []),
  ];
}

/** The daily digest of new Nanos matching a user's saved searches with alerts on. */
export function renderSavedSearchDigest(locale: Locale, input: DigestInput) {
  const count = input.sections.reduce((sum, section) => sum + section.total, 0);
  const de: MailContent = {
    subject:
      count === 1
        ? 'Ein neuer Nano zu Ihren gespeicherten Suchen'
        : `${count} neue Nanos zu Ihren gespeicherten Suchen`,
    greeting: `Hallo ${input.name},`,
    paragraphs: [
      'seit der letzten Benachrichtigung sind neue Nanos erschienen, die zu Ihren gespeicherten Suchen passen.',
      ...input.sections.flatMap((section) =>
        sectionLines(
          section,
          `Suche „${section.name}“ (${section.total} neu):`,
          (n) => `… und ${n} weitere. Öffnen Sie die Suche, um alle zu sehen.`,
        ),
      ),
    ],
    action: { label: 'Gespeicherte Suchen verwalten', url: input.manageUrl },
    footnote: `Sie erhalten diese E-Mail, weil Sie für gespeicherte Suchen Benachrichtigungen eingeschaltet haben. Alle Benachrichtigungen abbestellen: ${input.unsubscribeUrl}`,
  };
  const en: MailContent = {
    subject:
      count === 1 ? 'A new Nano for your saved searches' : `${count} new Nanos for your saved searches`,
    greeting: `Hello ${input.name},`,
    paragraphs: [
      'since the last alert, new Nanos have been published that match your saved searches.',
      ...input.sections.flatMap((section) =>
        sectionLines(
          section,
          `Search “${section.name}” (${section.total} new):`,
          (n) => `… and ${n} more. Open the search to see them all.`,
        ),
      ),
    ],
    action: { label: 'Manage saved searches', url: input.manageUrl },
    footnote: `You receive this email because you turned on alerts for saved searches. Unsubscribe from all alerts: ${input.unsubscribeUrl}`,
  };
  return renderMail(locale, locale === 'de' ? de : en);
}
