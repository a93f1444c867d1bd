import type { Locale, NanoStatus, NotificationType } from '@nano/contracts';
import { type MailContent, renderMail } from '../../lib/mail-layout.ts';
import { moderationDecisionItem } from './moderation-decision.email.ts';
import { MANDATORY_EMAIL_TYPES } from './notifications.constants.ts';
import { takedownNoticeItem } from './takedown-notice.email.ts';

/** One notification as an email shows it. */
interface MailItem {
  /** The subject when the email carries only this notification. */
  subject: string;
  /** The sentence saying what happened. */
  line: string;
  /** More lines, shown only when the email carries this notification alone (reasons, note). */
  details: string[];
  url: string;
  /** The button's label when the email carries only this notification. */
  actionLabel: string;
}

/** The web app's pages the emails link to. */
export const notificationUrls = {
  nano: (publicUrl: string, nanoId: string) => `${publicUrl}/nanos/${encodeURIComponent(nanoId)}`,
  editNano: (publicUrl: string, nanoId: string) =>
    `${publicUrl}/nanos/${encodeURIComponent(nanoId)}/bearbeiten`,
  ratings: (publicUrl: string, nanoId: string) =>
    `${publicUrl}/nanos/${encodeURIComponent(nanoId)}#bewertungen`,
  myNanos: (publicUrl: string) => `${publicUrl}/meine-nanos`,
  centre: (publicUrl: string) => `${publicUrl}/benachrichtigungen`,
  settings: (publicUrl: string) => `${publicUrl}/konto/benachrichtigungen`,
  myData: (publicUrl: string) => `${publicUrl}/konto/meine-daten`,
  chats: (publicUrl: string) => `${publicUrl}/chats`,
  chat: (publicUrl: string, chatId: string) => `${publicUrl}/chats/${encodeURIComponent(chatId)}`,
};

/** The name of each type in the subject of an email with several ("3 neue Benachrichtigungen: …"). */
const TYPE_LABELS: Record<Locale, Record<NotificationType, string>> = {
  de: {
    'nano.review_decision': 'Prüfentscheidungen',
    'nano.status_changed': 'Statusänderungen',
    'rating.received': 'Bewertungen',
    'rating.reply_received': 'Antworten auf Ihre Bewertungen',
    'flag.outcome': 'Meldungen',
    'chat.message': 'Nachrichten',
    'data_export.ready': 'Datenexporte',
    'moderation.decision': 'Moderationsentscheidungen',
    'takedown.notice': 'Beschwerden über Ihre Nanos',
  },
  en: {
    'nano.review_decision': 'Review decisions',
    'nano.status_changed': 'Status changes',
    'rating.received': 'Ratings',
    'rating.reply_received': 'Replies to your ratings',
    'flag.outcome': 'Reports',
    'chat.message': 'Messages',
    'data_export.ready': 'Data exports',
    'moderation.decision': 'Moderation decisions',
    'takedown.notice': 'Complaints about your Nanos',
  },
};

const STATUS_LABELS: Record<Locale, Record<NanoStatus, string>> = {
  de: {
    draft: 'Entwurf',
    pending_review: 'In Prüfung',
    changes_requested: 'Änderungen erbeten',
    published: 'Veröffentlicht',
    hidden: 'Vorübergehend gesperrt (wird geprüft)',
    rejected: 'Abgelehnt',
    archived: 'Archiviert',
    deleted: 'Gelöscht',
  },
  en: {
    draft: 'Draft',
    pending_review: 'In review',
    changes_requested: 'Changes requested',
    published: 'Published',
    hidden: 'Temporarily hidden (under review)',
    rejected: 'Rejected',
    archived: 'Archived',
    deleted: 'Deleted',
  },
};

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim().length > 0 ? value : undefined;
}

function texts(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A quoted title in the locale's quotation marks. */
function q(locale: Locale, title: string): string {
  return locale === 'de' ? `„${title}“` : `“${title}”`;
}

function reviewDecision(locale: Locale, p: Record<string, unknown>, publicUrl: string): MailItem {
  const title = q(locale, text(p.title) ?? (locale === 'de' ? 'Ihr Nano' : 'Your Nano'));
  const plain = text(p.title) ?? '';
  const nanoId = text(p.nanoId) ?? '';
  const update = p.update === true;
  const de = locale === 'de';
  const reasons = texts(p.reasons).map((reason) => `• ${reason}`);
  const note = text(p.note);
  const withNote = [
    ...reasons,
    ...(note ? [de ? `Hinweis der Moderation: ${note}` : `Note from the moderators: ${note}`] : []),
  ];
  switch (p.decision) {
    case 'approve':
      return {
        subject: de
          ? update
            ? `Neue Version freigegeben: ${plain}`
            : `Ihr Nano ist veröffentlicht: ${plain}`
          : update
            ? `New version approved: ${plain}`
            : `Your Nano is published: ${plain}`,
        line: de
          ? update
            ? `Die neue Version von ${title} ist jetzt live.`
            : `${title} wurde geprüft und ist jetzt öffentlich sichtbar.`
          : update
            ? `The new version of ${title} is now live.`
            : `${title} was reviewed and is now public.`,
        details: note ? withNote : [],
        url: notificationUrls.nano(publicUrl, nanoId),
        actionLabel: de ? 'Nano ansehen' : 'View Nano',
      };
    case 'request_changes':
      return {
        subject: de ? `Bitte überarbeiten: ${plain}` : `Changes requested: ${plain}`,
        line: de
          ? `Die Moderation bittet um Änderungen an ${update ? 'der neuen Version von ' : ''}${title}.`
          : `The moderators ask for changes to ${update ? 'the new version of ' : ''}${title}.`,
        details: withNote,
        url: notificationUrls.editNano(publicUrl, nanoId),
        actionLabel: de ? 'Nano bearbeiten' : 'Edit Nano',
      };
    default:
      return {
        subject: de ? `Nicht veröffentlicht: ${plain}` : `Not published: ${plain}`,
        line: de
          ? `${update ? 'Die neue Version von ' : ''}${title} wurde nach Prüfung nicht veröffentlicht.`
          : `${update ? 'The new version of ' : ''}${title} was reviewed and will not be published.`,
        details: [
          ...withNote,
          de
            ? 'Sie können gegen diese Entscheidung einmal Widerspruch einlegen.'
            : 'You may appeal this decision once.',
        ],
        url: notificationUrls.nano(publicUrl, nanoId),
        actionLabel: de ? 'Details ansehen' : 'See details',
      };
  }
}

function statusChanged(locale: Locale, p: Record<string, unknown>, publicUrl: string): MailItem {
  const de = locale === 'de';
  const plain = text(p.title) ?? (de ? 'Ihr Nano' : 'Your Nano');
  const status = STATUS_LABELS[locale][p.status as NanoStatus] ?? String(p.status ?? '');
  const nanoId = text(p.nanoId);
  return {
    subject: de
      ? `Neuer Status für ${q(locale, plain)}: ${status}`
      : `New status for ${q(locale, plain)}: ${status}`,
    line: de
      ? `${q(locale, plain)} hat jetzt den Status: ${status}.`
      : `${q(locale, plain)} now has the status: ${status}.`,
    details: [],
    // A deleted Nano has no page any more; the creator's list shows what is left.
    url:
      nanoId && p.status !== 'deleted'
        ? notificationUrls.nano(publicUrl, nanoId)
        : notificationUrls.myNanos(publicUrl),
    actionLabel: de ? 'Ansehen' : 'View',
  };
}

function ratingReceived(locale: Locale, p: Record<string, unknown>, publicUrl: string): MailItem {
  const de = locale === 'de';
  const title = q(locale, text(p.nanoTitle) ?? text(p.title) ?? (de ? 'Ihr Nano' : 'your Nano'));
  const rater = text(p.raterName) ?? (de ? 'Jemand' : 'Someone');
  const score = typeof p.score === 'number' ? p.score : undefined;
  const stars = score === undefined ? '' : de ? ` mit ${score} von 5 Sternen` : ` ${score} out of 5 stars`;
  const comment =
    p.hasComment === true ? (de ? ' und einen Kommentar geschrieben' : ' and left a comment') : '';
  return {
    subject: de ? `Neue Bewertung für ${title}` : `New rating for ${title}`,
    line: de
      ? `${rater} hat ${title}${stars} bewertet${comment}.`
      : `${rater} rated ${title}${stars}${comment}.`,
    details: [],
    url: notificationUrls.ratings(publicUrl, text(p.nanoId) ?? ''),
    actionLabel: de ? 'Bewertung ansehen' : 'View rating',
  };
}

function replyReceived(locale: Locale, p: Record<string, unknown>, publicUrl: string): MailItem {
  const de = locale === 'de';
  const title = q(locale, text(p.nanoTitle) ?? text(p.title) ?? 'Nano');
  const creator = text(p.creatorName) ?? (de ? 'Der Creator' : 'The creator');
  return {
    subject: de ? `Antwort auf Ihre Bewertung von ${title}` : `Reply to your rating of ${title}`,
    line: de
      ? `${creator} hat auf Ihre Bewertung von ${title} geantwortet.`
      : `${creator} replied to your rating of ${title}.`,
    details: [],
    url: notificationUrls.ratings(publicUrl, text(p.nanoId) ?? ''),
    actionLabel: de ? 'Antwort lesen' : 'Read the reply',
  };
}

/**
 * New chat messages of one session (one collapsed notification, `count` messages): who wrote about
 * which Nano and how many, never the text itself (emails leave the platform; the text stays in it).
 */
function chatMessage(locale: Locale, p: Record<string, unknown>, publicUrl: string): MailItem {
  const de = locale === 'de';
  const title = q(locale, text(p.nanoTitle) ?? 'Nano');
  const sender = text(p.senderName) ?? (de ? 'Jemand' : 'Someone');
  const count = typeof p.count === 'number' && p.count > 1 ? p.count : 1;
  const chatId = text(p.chatId);
  const messages = de
    ? count === 1
      ? 'eine neue Nachricht'
      : `${count} neue Nachrichten`
    : count === 1
      ? 'a new message'
      : `${count} new messages`;
  return {
    subject: de
      ? `${count === 1 ? 'Neue Nachricht' : `${count} neue Nachrichten`} von ${sender} zu ${title}`
      : `${count === 1 ? 'New message' : `${count} new messages`} from ${sender} about ${title}`,
    line: de
      ? `${sender} hat Ihnen ${messages} zu ${title} geschrieben.`
      : `${sender} sent you ${messages} about ${title}.`,
    details: [
      de
        ? 'Aus Datenschutzgründen steht der Text nicht in dieser E-Mail; Sie lesen ihn im Nano-Marktplatz.'
        : 'For your privacy the text is not in this email; read it on Nano-Marktplatz.',
    ],
    url: chatId ? notificationUrls.chat(publicUrl, chatId) : notificationUrls.chats(publicUrl),
    actionLabel: de ? 'Zum Chat' : 'Open the chat',
  };
}

/** Types of later issues (moderation, privacy): a sensible text from the usual payload fields. */
function generic(locale: Locale, type: string, p: Record<string, unknown>, publicUrl: string): MailItem {
  const de = locale === 'de';
  const about = text(p.nanoTitle) ?? text(p.title);
  const on = about ? (de ? ` zu ${q(locale, about)}` : ` about ${q(locale, about)}`) : '';
  const nanoId = text(p.nanoId);
  const url = nanoId ? notificationUrls.nano(publicUrl, nanoId) : notificationUrls.centre(publicUrl);
  switch (type) {
    case 'flag.outcome':
      return {
        subject: de ? `Ihre Meldung${on} wurde bearbeitet` : `Your report${on} has been handled`,
        line: de
          ? `Die Moderation hat Ihre Meldung${on} bearbeitet.`
          : `The moderators have handled your report${on}.`,
        details: [
          ...(typeof p.action === 'string'
            ? [
                p.action === 'none'
                  ? de
                    ? 'Ergebnis: Die Moderation hat keinen Verstoß gegen die Nutzungsbedingungen festgestellt.'
                    : 'Outcome: the moderators found no breach of the terms of use.'
                  : de
                    ? 'Ergebnis: Die Moderation hat einen Verstoß festgestellt und Maßnahmen ergriffen.'
                    : 'Outcome: the moderators found a breach and took action.',
              ]
            : []),
          ...(text(p.note) ? [text(p.note) as string] : []),
        ],
        url,
        actionLabel: de ? 'Ansehen' : 'View',
      };
    case 'data_export.ready':
      return {
        subject: de ? 'Ihr Datenexport ist bereit' : 'Your data export is ready',
        line: de
          ? 'Ihr Datenexport steht in Ihrem Konto zum Herunterladen bereit.'
          : 'Your data export is ready to download in your account.',
        details: [],
        url: notificationUrls.myData(publicUrl),
        actionLabel: de ? 'Zum Konto' : 'Go to your account',
      };
    default:
      return {
        subject: de ? `Neue Benachrichtigung${on}` : `New notification${on}`,
        line: de ? `Es gibt eine neue Benachrichtigung${on}.` : `There is a new notification${on}.`,
        details: [],
        url,
        actionLabel: de ? 'Ansehen' : 'View',
      };
  }
}

function itemOf(locale: Locale, type: string, payload: Record<string, unknown>, publicUrl: string): MailItem {
  switch (type) {
    case 'nano.review_decision':
      return reviewDecision(locale, payload, publicUrl);
    case 'nano.status_changed':
      return statusChanged(locale, payload, publicUrl);
    case 'rating.received':
      return ratingReceived(locale, payload, publicUrl);
    case 'rating.reply_received':
      return replyReceived(locale, payload, publicUrl);
    case 'chat.message':
      return chatMessage(locale, payload, publicUrl);
    case 'moderation.decision':
      return moderationDecisionItem(locale, payload, publicUrl);
    case 'takedown.notice':
      return takedownNoticeItem(locale, payload, publicUrl);
    default:
      return generic(locale, type, payload, publicUrl);
  }
}

export interface NotificationMailInput {
  name: string;
  type: string;
  /** The payloads of the notifications this email carries, oldest first. */
  payloads: Array<Record<string, unknown>>;
  /** How many notifications it carries in all (the payloads may be only the first ones). */
  total: number;
  publicUrl: string;
}

/**
 * One email for a batch of notifications of one type: a single one in full (with its reasons,
 * note and button), several as a list with a link each; both with the link to the settings.
 */
export function renderNotificationMail(locale: Locale, input: NotificationMailInput) {
  const de = locale === 'de';
  const items = input.payloads.map((payload) => itemOf(locale, input.type, payload, input.publicUrl));
  const mandatory = MANDATORY_EMAIL_TYPES.has(input.type as NotificationType);
  const footnote = mandatory
    ? de
      ? 'Diese E-Mail ist eine rechtlich vorgeschriebene Mitteilung und lässt sich nicht abbestellen.'
      : 'This email is a legally required notice; it cannot be turned off.'
    : de
      ? `Sie erhalten diese E-Mail wegen Ihrer Benachrichtigungseinstellungen. Hier können Sie sie ändern oder abschalten: ${notificationUrls.settings(input.publicUrl)}`
      : `You receive this email because of your notification settings. Change or turn them off here: ${notificationUrls.settings(input.publicUrl)}`;
  const greeting = de ? `Hallo ${input.name},` : `Hello ${input.name},`;
  const [first] = items;
  if (input.total === 1 && first) {
    const content: MailContent = {
      subject: first.subject,
      greeting,
      paragraphs: [first.line, ...first.details],
      action: { label: first.actionLabel, url: first.url },
      footnote,
    };
    return renderMail(locale, content);
  }
  const label = TYPE_LABELS[locale][input.type as NotificationType] ?? (de ? 'Sonstiges' : 'Other');
  const rest = input.total - items.length;
  const content: MailContent = {
    subject: de
      ? `${input.total} neue Benachrichtigungen: ${label}`
      : `${input.total} new notifications: ${label}`,
    greeting,
    paragraphs: [
      de
        ? `seit der letzten E-Mail gibt es ${input.total} neue Benachrichtigungen für Sie:`
        : `since the last email, there are ${input.total} new notifications for you:`,
      // Legal notices (statements of reasons, takedown notices) keep every detail, also in a batch.
      ...items.map((item) =>
        mandatory
          ? [`• ${item.line}`, ...item.details.map((detail) => `  ${detail}`), `  ${item.url}`].join('\n')
          : `• ${item.line}\n  ${item.url}`,
      ),
      ...(rest > 0 ? [de ? `… und ${rest} weitere.` : `… and ${rest} more.`] : []),
    ],
    action: {
      label: de ? 'Alle Benachrichtigungen ansehen' : 'See all notifications',
      url: notificationUrls.centre(input.publicUrl),
    },
    footnote,
  };
  return renderMail(locale, content);
}
