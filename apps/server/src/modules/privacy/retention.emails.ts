import { type Locale, RETENTION } from '@nano/contracts';
import { type MailContent, renderMail } from '../../lib/mail-layout.ts';

/** The sign-in page an inactivity warning links to (signing in keeps the account). */
export const inactivityLoginUrl = (publicUrl: string) => `${publicUrl}/anmelden`;

/** The retention job's warning to an account unused for {@link RETENTION.inactiveAccountMonths} months. */
export interface InactivityWarningMail {
  name: string;
  /** When the account will be anonymised unless they sign in. */
  erasureDate: Date;
  loginUrl: string;
}

function formatDate(locale: Locale, date: Date): string {
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'Europe/Berlin',
  }).format(date);
}

function german(mail: InactivityWarningMail): MailContent {
  const date = formatDate('de', mail.erasureDate);
  return {
    subject: 'Ihr Konto beim Nano-Marktplatz wird bald gelöscht',
    greeting: `Hallo ${mail.name},`,
    paragraphs: [
      `Sie haben sich seit über ${RETENTION.inactiveAccountMonths} Monaten nicht mehr beim Nano-Marktplatz angemeldet. Wir speichern personenbezogene Daten nicht länger als nötig und werden Ihr Konto deshalb am ${date} löschen (anonymisieren).`,
      'Dabei werden Name, E-Mail-Adresse, Profil, Favoriten, Listen, gespeicherte Suchen und Benachrichtigungen entfernt. Ihre veröffentlichten Nanos und Bewertungen bleiben ohne Ihren Namen erhalten.',
      'Wenn Sie Ihr Konto behalten möchten, melden Sie sich einfach vor diesem Datum einmal an. Mehr ist nicht nötig.',
    ],
    action: { label: 'Jetzt anmelden', url: mail.loginUrl },
    footnote:
      'Wenn Sie Ihr Konto nicht mehr brauchen, müssen Sie nichts tun. Eine Kopie Ihrer Daten können Sie nach der Anmeldung unter „Meine Daten“ anfordern.',
  };
}

function english(mail: InactivityWarningMail): MailContent {
  const date = formatDate('en', mail.erasureDate);
  return {
    subject: 'Your Nano-Marktplatz account will be deleted soon',
    greeting: `Hello ${mail.name},`,
    paragraphs: [
      `You have not signed in to Nano-Marktplatz for more than ${RETENTION.inactiveAccountMonths} months. We keep personal data no longer than necessary and will therefore delete (anonymise) your account on ${date}.`,
      'Your name, email address, profile, favourites, lists, saved searches and notifications will be removed. Your published Nanos and ratings stay without your name.',
      'If you want to keep your account, simply sign in once before that date. Nothing else is needed.',
    ],
    action: { label: 'Sign in now', url: mail.loginUrl },
    footnote:
      'If you no longer need your account, you do not have to do anything. After signing in you can request a copy of your data under “My data”.',
  };
}

/** Renders the inactivity warning in the account's language. */
export function renderInactivityWarning(locale: Locale, mail: InactivityWarningMail) {
  return renderMail(locale, locale === 'de' ? german(mail) : english(mail));
}
