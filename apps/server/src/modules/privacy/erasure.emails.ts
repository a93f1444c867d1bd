import { type ErasureNanoChoice, type Locale, PRIVACY_LIMITS } from '@nano/contracts';
import { type MailContent, renderMail } from '../../lib/mail-layout.ts';

/** The public page the erasure confirmation links to (web route `erasureCancel`). */
export const erasureCancelUrl = (publicUrl: string, token: string) =>
  `${publicUrl}/loeschung-abbrechen?token=${encodeURIComponent(token)}`;

/** Every email of the erasure and restriction flows, to the account's address in its language. */
export type PrivacyAccountMail =
  | { kind: 'erasure_scheduled'; name: string; scheduledFor: Date; nanos: ErasureNanoChoice; url: string }
  | { kind: 'erasure_cancelled'; name: string }
  | { kind: 'restriction_started'; name: string }
  | { kind: 'restriction_lifted'; name: string };

function formatDate(locale: Locale, date: Date): string {
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  }).format(date);
}

function german(mail: PrivacyAccountMail): MailContent {
  const greeting = `Hallo ${mail.name},`;
  switch (mail.kind) {
    case 'erasure_scheduled':
      return {
        subject: 'Ihr Konto wird gelöscht',
        greeting,
        paragraphs: [
          `Sie haben die Löschung Ihres Kontos beantragt. Ihr Konto ist ab sofort deaktiviert; alle Geräte wurden abgemeldet. Am ${formatDate('de', mail.scheduledFor)} werden Ihre Daten endgültig anonymisiert.`,
          'Dann werden Ihr Name, Ihre E-Mail-Adresse, Ihr Benutzername, Ihr Profil, Ihre Favoriten, Listen, gespeicherten Suchen, Benachrichtigungen und Datenexporte entfernt. Ihre Bewertungen bleiben als anonyme Sterne ohne Text; Ihre Chat-Nachrichten bleiben für Ihre Gesprächspartner ohne Ihren Namen erhalten.',
          mail.nanos === 'delete'
            ? 'Ihre Nanos werden gelöscht.'
            : 'Ihre veröffentlichten Nanos bleiben unter dem Namen „Gelöschter Nutzer“ verfügbar.',
          `Bis dahin (${PRIVACY_LIMITS.erasureCancelDays} Tage) können Sie die Löschung mit dem folgenden Link abbrechen; danach ist sie nicht mehr rückgängig zu machen.`,
        ],
        action: { label: 'Löschung abbrechen', url: mail.url },
        footnote:
          'Wenn Sie die Löschung nicht beantragt haben, brechen Sie sie mit dem Link ab und ändern Sie danach Ihr Passwort.',
      };
    case 'erasure_cancelled':
      return {
        subject: 'Die Löschung Ihres Kontos wurde abgebrochen',
        greeting,
        paragraphs: [
          'Sie haben die Löschung Ihres Kontos abgebrochen. Ihr Konto ist wieder aktiv, und Sie können sich wie gewohnt anmelden. Ihre Inhalte sind unverändert.',
        ],
      };
    case 'restriction_started':
      return {
        subject: 'Die Verarbeitung Ihrer Daten ist eingeschränkt',
        greeting,
        paragraphs: [
          'Wie von Ihnen beantragt (Art. 18 DSGVO), ist die Verarbeitung Ihrer Daten eingeschränkt: Wir speichern sie nur noch. Ihr Konto ist gesperrt, alle Geräte wurden abgemeldet, und Ihre veröffentlichten Nanos, Bewertungstexte und Ihr Profil sind nicht mehr öffentlich sichtbar.',
          'Wenn die Einschränkung aufgehoben werden soll, wenden Sie sich bitte an unseren Support; ein Administrator hebt sie auf und stellt Ihre Inhalte wieder her.',
        ],
      };
    case 'restriction_lifted':
      return {
        subject: 'Die Einschränkung Ihres Kontos wurde aufgehoben',
        greeting,
        paragraphs: [
          'Die Einschränkung der Verarbeitung Ihrer Daten wurde aufgehoben. Ihr Konto ist wieder aktiv, und Ihre Inhalte sind wieder sichtbar. Sie können sich wie gewohnt anmelden.',
        ],
      };
  }
}

function english(mail: PrivacyAccountMail): MailContent {
  const greeting = `Hello ${mail.name},`;
  switch (mail.kind) {
    case 'erasure_scheduled':
      return {
        subject: 'Your account will be erased',
        greeting,
        paragraphs: [
          `You asked us to erase your account. It is deactivated as of now and every device has been signed out. On ${formatDate('en', mail.scheduledFor)} your data will be anonymised for good.`,
          'Then your name, email address, username, profile, favourites, lists, saved searches, notifications and data exports are removed. Your ratings stay as anonymous stars without text; your chat messages stay for the people you talked to, without your name.',
          mail.nanos === 'delete'
            ? 'Your Nanos will be deleted.'
            : 'Your published Nanos stay available under the name “Deleted user”.',
          `Until then (${PRIVACY_LIMITS.erasureCancelDays} days) you can cancel the erasure with the link below; after that it cannot be undone.`,
        ],
        action: { label: 'Cancel the erasure', url: mail.url },
        footnote: 'If you did not ask for this, cancel it with the link and then change your password.',
      };
    case 'erasure_cancelled':
      return {
        subject: 'The erasure of your account was cancelled',
        greeting,
        paragraphs: [
          'You cancelled the erasure of your account. It is active again and you can sign in as usual. Your content is unchanged.',
        ],
      };
    case 'restriction_started':
      return {
        subject: 'The processing of your data is restricted',
        greeting,
        paragraphs: [
          'As you asked (Art. 18 GDPR), the processing of your data is restricted: we only store it. Your account is locked, every device has been signed out, and your published Nanos, rating texts and profile are no longer public.',
          'To have the restriction lifted, please contact our support; an administrator lifts it and restores your content.',
        ],
      };
    case 'restriction_lifted':
      return {
        subject: 'The restriction of your account was lifted',
        greeting,
        paragraphs: [
          'The restriction of the processing of your data has been lifted. Your account is active again and your content is visible again. You can sign in as usual.',
        ],
      };
  }
}

/** Renders one erasure or restriction email in the account's language. */
export function renderPrivacyAccountMail(locale: Locale, mail: PrivacyAccountMail) {
  return renderMail(locale, locale === 'de' ? german(mail) : english(mail));
}
