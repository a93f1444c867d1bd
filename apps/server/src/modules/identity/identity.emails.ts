import type { Locale } from '@nano/contracts';
import { type MailContent, renderMail } from '../../lib/mail-layout.ts';

/** Every email of the identity module, with the values each needs. */
export type IdentityMail =
  | { kind: 'verify_email'; name: string; url: string }
  | { kind: 'already_registered'; name: string; loginUrl: string; resetUrl: string }
  | { kind: 'password_reset'; name: string; url: string }
  | { kind: 'password_changed'; name: string }
  | { kind: 'account_locked'; name: string; minutes: number; resetUrl: string }
  | { kind: 'confirm_new_email'; name: string; url: string; newEmail: string }
  | { kind: 'email_change_notice'; name: string; newEmail: string }
  | { kind: 'email_changed'; name: string }
  | { kind: 'new_login'; name: string; device: string; time: string };

const t = {
  de: (mail: IdentityMail): MailContent => {
    const greeting = `Hallo ${mail.name},`;
    switch (mail.kind) {
      case 'verify_email':
        return {
          subject: 'Bitte bestätigen Sie Ihre E-Mail-Adresse',
          greeting,
          paragraphs: [
            'willkommen beim Nano-Marktplatz! Bitte bestätigen Sie Ihre E-Mail-Adresse. Der Link ist 24 Stunden gültig.',
          ],
          action: { label: 'E-Mail-Adresse bestätigen', url: mail.url },
          footnote: 'Wenn Sie sich nicht registriert haben, können Sie diese E-Mail ignorieren.',
        };
      case 'already_registered':
        return {
          subject: 'Registrierungsversuch mit Ihrer E-Mail-Adresse',
          greeting,
          paragraphs: [
            'jemand hat versucht, mit Ihrer E-Mail-Adresse ein neues Konto anzulegen. Sie haben bereits ein Konto.',
            `Anmelden: ${mail.loginUrl}`,
          ],
          action: { label: 'Passwort vergessen? Neues Passwort festlegen', url: mail.resetUrl },
          footnote: 'Wenn Sie das nicht waren, ist nichts passiert: Ihr Konto bleibt unverändert.',
        };
      case 'password_reset':
        return {
          subject: 'Passwort zurücksetzen',
          greeting,
          paragraphs: [
            'Sie haben ein neues Passwort angefordert. Der Link ist eine Stunde gültig und nur einmal verwendbar.',
          ],
          action: { label: 'Neues Passwort festlegen', url: mail.url },
          footnote:
            'Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail; Ihr Passwort bleibt unverändert.',
        };
      case 'password_changed':
        return {
          subject: 'Ihr Passwort wurde geändert',
          greeting,
          paragraphs: ['Ihr Passwort wurde soeben geändert. Alle anderen Sitzungen wurden abgemeldet.'],
          footnote:
            'Wenn Sie das nicht waren, setzen Sie Ihr Passwort sofort zurück und kontaktieren Sie uns.',
        };
      case 'account_locked':
        return {
          subject: 'Ihr Konto wurde vorübergehend gesperrt',
          greeting,
          paragraphs: [
            `nach mehreren fehlgeschlagenen Anmeldeversuchen ist Ihr Konto für ${mail.minutes} Minuten gesperrt.`,
            'Wenn Sie das nicht waren, versucht womöglich jemand, Ihr Passwort zu erraten. Ein neues, starkes Passwort schützt Sie.',
          ],
          action: { label: 'Passwort zurücksetzen', url: mail.resetUrl },
        };
      case 'confirm_new_email':
        return {
          subject: 'Bitte bestätigen Sie Ihre neue E-Mail-Adresse',
          greeting,
          paragraphs: [
            `bitte bestätigen Sie, dass ${mail.newEmail} Ihre neue E-Mail-Adresse beim Nano-Marktplatz sein soll.`,
          ],
          action: { label: 'Neue E-Mail-Adresse bestätigen', url: mail.url },
          footnote: 'Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail.',
        };
      case 'email_change_notice':
        return {
          subject: 'Änderung Ihrer E-Mail-Adresse angefordert',
          greeting,
          paragraphs: [
            `für Ihr Konto wurde die Änderung der E-Mail-Adresse auf ${mail.newEmail} angefordert.`,
          ],
          footnote: 'Wenn Sie das nicht waren, ändern Sie bitte sofort Ihr Passwort.',
        };
      case 'email_changed':
        return {
          subject: 'Ihre E-Mail-Adresse wurde geändert',
          greeting,
          paragraphs: [
            'Ihre E-Mail-Adresse beim Nano-Marktplatz wurde geändert. Künftige Nachrichten gehen an diese Adresse.',
          ],
        };
      case 'new_login':
        return {
          subject: 'Neue Anmeldung bei Ihrem Konto',
          greeting,
          paragraphs: [
            `Ihr Konto wurde am ${mail.time} (UTC) auf einem neuen Gerät angemeldet: ${mail.device}.`,
          ],
          footnote:
            'Wenn Sie das nicht waren, ändern Sie sofort Ihr Passwort und melden Sie alle Sitzungen ab.',
        };
    }
  },
  en: (mail: IdentityMail): MailContent => {
    const greeting = `Hello ${mail.name},`;
    switch (mail.kind) {
      case 'verify_email':
        return {
          subject: 'Please confirm your email address',
          greeting,
          paragraphs: [
            'welcome to Nano-Marktplatz! Please confirm your email address. The link is valid for 24 hours.',
          ],
          action: { label: 'Confirm email address', url: mail.url },
          footnote: 'If you did not sign up, you can ignore this email.',
        };
      case 'already_registered':
        return {
          subject: 'Sign-up attempt with your email address',
          greeting,
          paragraphs: [
            'someone tried to create a new account with your email address. You already have an account.',
            `Sign in: ${mail.loginUrl}`,
          ],
          action: { label: 'Forgot your password? Set a new one', url: mail.resetUrl },
          footnote: 'If this was not you, nothing happened: your account is unchanged.',
        };
      case 'password_reset':
        return {
          subject: 'Reset your password',
          greeting,
          paragraphs: ['You asked for a new password. The link is valid for one hour and works once.'],
          action: { label: 'Set a new password', url: mail.url },
          footnote: 'If you did not ask for this, ignore this email; your password stays unchanged.',
        };
      case 'password_changed':
        return {
          subject: 'Your password was changed',
          greeting,
          paragraphs: ['Your password was just changed. All other sessions were signed out.'],
          footnote: 'If this was not you, reset your password at once and contact us.',
        };
      case 'account_locked':
        return {
          subject: 'Your account is temporarily locked',
          greeting,
          paragraphs: [
            `after several failed sign-in attempts your account is locked for ${mail.minutes} minutes.`,
            'If this was not you, someone may be trying to guess your password. A new, strong password protects you.',
          ],
          action: { label: 'Reset password', url: mail.resetUrl },
        };
      case 'confirm_new_email':
        return {
          subject: 'Please confirm your new email address',
          greeting,
          paragraphs: [
            `please confirm that ${mail.newEmail} shall be your new email address at Nano-Marktplatz.`,
          ],
          action: { label: 'Confirm new email address', url: mail.url },
          footnote: 'If you did not ask for this, ignore this email.',
        };
      case 'email_change_notice':
        return {
          subject: 'Change of your email address requested',
          greeting,
          paragraphs: [`a change of your account's email address to ${mail.newEmail} was requested.`],
          footnote: 'If this was not you, please change your password at once.',
        };
      case 'email_changed':
        return {
          subject: 'Your email address was changed',
          greeting,
          paragraphs: [
            'Your email address at Nano-Marktplatz was changed. Future messages go to this address.',
          ],
        };
      case 'new_login':
        return {
          subject: 'New sign-in to your account',
          greeting,
          paragraphs: [`Your account was signed in on ${mail.time} (UTC) on a new device: ${mail.device}.`],
          footnote: 'If this was not you, change your password at once and sign out all sessions.',
        };
    }
  },
} satisfies Record<Locale, (mail: IdentityMail) => MailContent>;

/** Subject, text and HTML of an identity email in the recipient's language. */
export function renderIdentityMail(locale: Locale, mail: IdentityMail) {
  return renderMail(locale, t[locale](mail));
}
