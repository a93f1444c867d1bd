import type { Locale } from '@nano/contracts';

/** One notification as an email shows it (see notifications.emails.ts). */
export interface TakedownMailItem {
  subject: string;
  line: string;
  details: string[];
  url: string;
  actionLabel: string;
}

/** "Beschwerden" under "Meine Nanos": the creator's notices and the counter-notice form. */
export const myTakedownsUrl = (publicUrl: string) => `${publicUrl}/meine-nanos/beschwerden`;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim().length > 0 ? value : undefined;
}

function formatDate(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  }).format(new Date(iso));
}

/**
 * A takedown notice about the creator's Nano (notice and action, EU DSA Art. 16/17): who complains
 * (the name only, never the email address), about which work, where the original is, that the
 * Nano is hidden meanwhile, and until when and where to answer. With `outcome: 'rejected'`: the
 * notice was rejected and the Nano is visible again.
 */
export function takedownNoticeItem(
  locale: Locale,
  p: Record<string, unknown>,
  publicUrl: string,
): TakedownMailItem {
  const de = locale === 'de';
  const plain = text(p.title) ?? (de ? 'Ihr Nano' : 'your Nano');
  const title = de ? `„${plain}“` : `“${plain}”`;
  if (p.outcome === 'rejected') {
    return {
      subject: de ? `Beschwerde zurückgewiesen: ${plain}` : `Notice rejected: ${plain}`,
      line: de
        ? `Die Moderation hat die Beschwerde über ${title} zurückgewiesen.`
        : `The moderators rejected the notice about ${title}.`,
      details: [
        ...(p.restored === true
          ? [de ? 'Ihr Nano ist wieder öffentlich sichtbar.' : 'Your Nano is public again.']
          : []),
        ...(text(p.statement) ? [de ? `Begründung: ${p.statement}` : `Reasons: ${p.statement}`] : []),
      ],
      url: myTakedownsUrl(publicUrl),
      actionLabel: de ? 'Beschwerden ansehen' : 'See the notices',
    };
  }
  const due = text(p.responseDueAt);
  const details = [
    de
      ? `Ihr Nano ist vorübergehend gesperrt („wird geprüft“), bis die Moderation über die Beschwerde entschieden hat.`
      : 'Your Nano is temporarily hidden (“under review”) until the moderators have decided on the notice.',
    `${de ? 'Beschwerdeführer/in' : 'Complainant'}: ${text(p.complainantName) ?? '–'}`,
    `${de ? 'Betroffenes Werk' : 'Work concerned'}: ${text(p.work) ?? '–'}`,
    `${de ? 'Fundort des Originals' : 'Location of the original'}: ${text(p.originalLocation) ?? '–'}`,
    ...(due
      ? [
          de
            ? `Sie können bis zum ${formatDate(locale, due)} antworten (Gegendarstellung) unter „Meine Nanos → Beschwerden“. Ohne Antwort bis dahin wird das Nano automatisch archiviert.`
            : `You can respond (counter-notice) until ${formatDate(locale, due)} under “My Nanos → Notices”. Without a response by then, the Nano is archived automatically.`,
        ]
      : []),
  ];
  return {
    subject: de ? `Beschwerde wegen einer Rechtsverletzung: ${plain}` : `Notice of an infringement: ${plain}`,
    line: de
      ? `Zu Ihrem Nano ${title} ist eine Meldung einer Urheberrechtsverletzung eingegangen.`
      : `A copyright infringement notice about your Nano ${title} has arrived.`,
    details,
    url: myTakedownsUrl(publicUrl),
    actionLabel: de ? 'Jetzt antworten' : 'Respond now',
  };
}
