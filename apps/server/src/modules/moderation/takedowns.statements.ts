import { type Locale, MODERATION_LIMITS } from '@nano/contracts';

function formatDate(locale: Locale, date: Date): string {
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  }).format(date);
}

function quote(locale: Locale, text: string): string {
  const short = text.length > 200 ? `${text.slice(0, 199)}…` : text;
  return locale === 'de' ? `„${short}“` : `“${short}”`;
}

/**
 * The facts of the automated hide on a confirmed notice, in the creator's language (the
 * statement of reasons quotes the copyright rule beside it).
 */
export function autoHideStatement(locale: Locale, notice: { work: string; dueAt: Date }): string {
  return locale === 'de'
    ? `Zu diesem Nano ist eine bestätigte Meldung einer Urheberrechtsverletzung eingegangen (betroffenes Werk: ${quote(locale, notice.work)}). Das Nano ist deshalb vorläufig gesperrt, bis die Moderation über die Meldung entschieden hat. Sie können bis zum ${formatDate(locale, notice.dueAt)} Stellung nehmen; ohne Antwort wird das Nano nach ${MODERATION_LIMITS.takedownResponseHours} Stunden automatisch archiviert.`
    : `A confirmed copyright infringement notice about this Nano has arrived (work concerned: ${quote(locale, notice.work)}). The Nano is therefore hidden until the moderators have decided on the notice. You can respond until ${formatDate(locale, notice.dueAt)}; without a response the Nano is archived automatically after ${MODERATION_LIMITS.takedownResponseHours} hours.`;
}

/** The facts of the automated archive when the creator did not respond in time. */
export function autoArchiveStatement(locale: Locale, notice: { work: string }): string {
  return locale === 'de'
    ? `Sie haben innerhalb von ${MODERATION_LIMITS.takedownResponseHours} Stunden nicht auf die Meldung einer Urheberrechtsverletzung geantwortet (betroffenes Werk: ${quote(locale, notice.work)}). Das Nano wurde deshalb automatisch archiviert.`
    : `You did not respond to the copyright infringement notice within ${MODERATION_LIMITS.takedownResponseHours} hours (work concerned: ${quote(locale, notice.work)}). The Nano was therefore archived automatically.`;
}

/** The facts of blocked uploads after repeated upheld notices (the repeat rule). */
export function uploadsBlockedStatement(locale: Locale, count: number): string {
  return locale === 'de'
    ? `Gegen Ihre Nanos wurden innerhalb von ${MODERATION_LIMITS.takedownRepeatMonths} Monaten ${count} Meldungen von Urheberrechtsverletzungen bestätigt (ab ${MODERATION_LIMITS.takedownRepeatCount} gilt diese Regel). Ihre Uploads sind deshalb gesperrt: Sie können keine neuen Nanos oder Versionen mehr zur Prüfung einreichen. Ihre veröffentlichten Nanos und Ihr Konto bleiben davon unberührt.`
    : `Within ${MODERATION_LIMITS.takedownRepeatMonths} months, ${count} copyright infringement notices against your Nanos were upheld (this rule applies from ${MODERATION_LIMITS.takedownRepeatCount}). Your uploads are therefore suspended: you can no longer submit new Nanos or versions for review. Your published Nanos and your account are not affected.`;
}
