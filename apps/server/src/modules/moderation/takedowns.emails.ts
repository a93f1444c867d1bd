import { type Locale, MODERATION_LIMITS } from '@nano/contracts';
import { type MailContent, renderMail } from '../../lib/mail-layout.ts';

/** The public confirmation page the complainant's email links to. */
export const takedownConfirmUrl = (publicUrl: string, token: string) =>
  `${publicUrl}/rechtsverletzung-melden/bestaetigen?token=${encodeURIComponent(token)}`;

/** Every email to a complainant (who has no account: the address from the form, their language). */
export type ComplainantMail =
  | { kind: 'confirm'; name: string; nanoTitle: string; url: string }
  | { kind: 'upheld'; name: string; nanoTitle: string; statement: string }
  | { kind: 'rejected'; name: string; nanoTitle: string; statement: string }
  | { kind: 'expired'; name: string; nanoTitle: string };

function quote(locale: Locale, title: string): string {
  return locale === 'de' ? `„${title}“` : `“${title}”`;
}

function german(mail: ComplainantMail): MailContent {
  const greeting = `Hallo ${mail.name},`;
  const title = quote('de', mail.nanoTitle);
  switch (mail.kind) {
    case 'confirm':
      return {
        subject: 'Bitte bestätigen Sie Ihre Meldung einer Rechtsverletzung',
        greeting,
        paragraphs: [
          `wir haben Ihre Meldung zum Nano ${title} erhalten. Bitte bestätigen Sie Ihre E-Mail-Adresse, damit wir sie bearbeiten können. Der Link ist ${MODERATION_LIMITS.takedownConfirmHours} Stunden gültig.`,
          `Nach der Bestätigung sperren wir das Nano vorläufig und geben dem Creator ${MODERATION_LIMITS.takedownResponseHours} Stunden Zeit für eine Stellungnahme. Danach entscheidet unser Moderationsteam; wir informieren Sie über das Ergebnis.`,
          'Der Creator erfährt Ihren Namen, aber nicht Ihre E-Mail-Adresse.',
        ],
        action: { label: 'Meldung bestätigen', url: mail.url },
        footnote:
          'Wenn Sie keine Meldung abgegeben haben, ignorieren Sie diese E-Mail; dann geschieht nichts.',
      };
    case 'upheld':
      return {
        subject: `Ihre Meldung wurde bestätigt: ${mail.nanoTitle}`,
        greeting,
        paragraphs: [
          `unser Moderationsteam hat Ihre Meldung zum Nano ${title} geprüft und ihr stattgegeben. Das Nano ist archiviert und nicht mehr öffentlich.`,
          `Begründung: ${mail.statement}`,
        ],
      };
    case 'rejected':
      return {
        subject: `Ihre Meldung wurde zurückgewiesen: ${mail.nanoTitle}`,
        greeting,
        paragraphs: [
          `unser Moderationsteam hat Ihre Meldung zum Nano ${title} geprüft und zurückgewiesen. Das Nano ist wieder öffentlich sichtbar.`,
          `Begründung: ${mail.statement}`,
          'Wenn Sie mit der Entscheidung nicht einverstanden sind, können Sie uns auf diese E-Mail antworten; der Rechtsweg steht Ihnen unabhängig davon offen.',
        ],
      };
    case 'expired':
      return {
        subject: `Ihre Meldung: ${mail.nanoTitle} wurde archiviert`,
        greeting,
        paragraphs: [
          `der Creator hat innerhalb von ${MODERATION_LIMITS.takedownResponseHours} Stunden nicht auf Ihre Meldung zum Nano ${title} geantwortet. Das Nano wurde deshalb automatisch archiviert und ist nicht mehr öffentlich.`,
        ],
      };
  }
}

function english(mail: ComplainantMail): MailContent {
  const greeting = `Hello ${mail.name},`;
  const title = quote('en', mail.nanoTitle);
  switch (mail.kind) {
    case 'confirm':
      return {
        subject: 'Please confirm your notice of an infringement',
        greeting,
        paragraphs: [
          `we have received your notice about the Nano ${title}. Please confirm your email address so that we can process it. The link is valid for ${MODERATION_LIMITS.takedownConfirmHours} hours.`,
          `Once confirmed, we hide the Nano for now and give the creator ${MODERATION_LIMITS.takedownResponseHours} hours to respond. Then our moderators decide; we will tell you the outcome.`,
          'The creator learns your name, but not your email address.',
        ],
        action: { label: 'Confirm the notice', url: mail.url },
        footnote: 'If you did not send a notice, ignore this email; nothing will happen.',
      };
    case 'upheld':
      return {
        subject: `Your notice was upheld: ${mail.nanoTitle}`,
        greeting,
        paragraphs: [
          `our moderators have examined your notice about the Nano ${title} and upheld it. The Nano is archived and no longer public.`,
          `Reasons: ${mail.statement}`,
        ],
      };
    case 'rejected':
      return {
        subject: `Your notice was rejected: ${mail.nanoTitle}`,
        greeting,
        paragraphs: [
          `our moderators have examined your notice about the Nano ${title} and rejected it. The Nano is public again.`,
          `Reasons: ${mail.statement}`,
          'If you disagree with the decision, you can reply to this email; legal remedies remain open to you regardless.',
        ],
      };
    case 'expired':
      return {
        subject: `Your notice: ${mail.nanoTitle} was archived`,
        greeting,
        paragraphs: [
          `the creator did not respond to your notice about the Nano ${title} within ${MODERATION_LIMITS.takedownResponseHours} hours. The Nano was therefore archived automatically and is no longer public.`,
        ],
      };
  }
}

/** Renders an email to a complainant in their language. */
export function renderComplainantMail(locale: Locale, mail: ComplainantMail) {
  return renderMail(locale, locale === 'de' ? german(mail) : english(mail));
}
