import type { Locale } from '@nano/contracts';
import { type MailContent, renderMail } from '../../lib/mail-layout.ts';

/** The creator's mail about a review decision. */
export function renderDecisionMail(
  locale: Locale,
  input: {
    name: string;
    title: string;
    decision: 'approve' | 'request_changes' | 'reject';
    note: string;
    reasons: string[];
    url: string;
    update: boolean;
  },
) {
  const de: Record<typeof input.decision, MailContent> = {
    approve: {
      subject: input.update
        ? `Neue Version freigegeben: ${input.title}`
        : `Ihr Nano ist veröffentlicht: ${input.title}`,
      greeting: `Hallo ${input.name},`,
      paragraphs: [
        input.update
          ? `die neue Version von „${input.title}“ ist jetzt live.`
          : `„${input.title}“ wurde geprüft und ist jetzt öffentlich sichtbar.`,
      ],
      action: { label: 'Nano ansehen', url: input.url },
    },
    request_changes: {
      subject: `Bitte überarbeiten: ${input.title}`,
      greeting: `Hallo ${input.name},`,
      paragraphs: [
        `die Moderation bittet um Änderungen an „${input.title}“.`,
        ...input.reasons.map((r) => `• ${r}`),
        ...(input.note ? [input.note] : []),
      ],
      action: { label: 'Nano bearbeiten', url: input.url },
    },
    reject: {
      subject: `Nicht veröffentlicht: ${input.title}`,
      greeting: `Hallo ${input.name},`,
      paragraphs: [
        `„${input.title}“ wurde nach Prüfung nicht veröffentlicht.`,
        ...input.reasons.map((r) => `• ${r}`),
        ...(input.note ? [input.note] : []),
      ],
      action: { label: 'Details ansehen', url: input.url },
      footnote: 'Sie können gegen diese Entscheidung einmal Widerspruch einlegen.',
    },
  };
  const en: Record<typeof input.decision, MailContent> = {
    approve: {
      subject: input.update
        ? `New version approved: ${input.title}`
        : `Your Nano is published: ${input.title}`,
      greeting: `Hello ${input.name},`,
      paragraphs: [
        input.update
          ? `the new version of “${input.title}” is now live.`
          : `“${input.title}” was reviewed and is now public.`,
      ],
      action: { label: 'View Nano', url: input.url },
    },
    request_changes: {
      subject: `Changes requested: ${input.title}`,
      greeting: `Hello ${input.name},`,
      paragraphs: [
        `the moderation team asks for changes to “${input.title}”.`,
        ...input.reasons.map((r) => `• ${r}`),
        ...(input.note ? [input.note] : []),
      ],
      action: { label: 'Edit Nano', url: input.url },
    },
    reject: {
      subject: `Not published: ${input.title}`,
      greeting: `Hello ${input.name},`,
      paragraphs: [
        `“${input.title}” was reviewed and will not be published.`,
        ...input.reasons.map((r) => `• ${r}`),
        ...(input.note ? [input.note] : []),
      ],
      action: { label: 'See details', url: input.url },
      footnote: 'You may appeal this decision once.',
    },
  };
  return renderMail(locale, (locale === 'de' ? de : en)[input.decision]);
}
