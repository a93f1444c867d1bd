import {
  type Locale,
  MODERATION_TARGET_TYPES,
  type ModerationAction,
  type ModerationTargetType,
  REASON_CODES,
  REASON_TEMPLATES,
  type ReasonCode,
} from '@nano/contracts';

/** One notification as an email shows it (see notifications.emails.ts). */
export interface DecisionMailItem {
  subject: string;
  line: string;
  details: string[];
  url: string;
  actionLabel: string;
}

/** "Meine Entscheidungen": the affected user's statements of reasons, where they appeal. */
export const myDecisionsUrl = (publicUrl: string) => `${publicUrl}/meine-entscheidungen`;

/** The appeal by link of a suspended account (no sign-in needed; see appeal-links.ts). */
export const appealLinkUrl = (publicUrl: string, token: string) =>
  `${publicUrl}/einspruch?token=${encodeURIComponent(token)}`;

/** What the decision did, as a sentence fragment ("… wurde ausgeblendet"). */
const ACTION_TEXT: Record<Locale, Record<ModerationAction, string>> = {
  de: {
    approve: 'wurde freigegeben',
    request_changes: 'muss überarbeitet werden, bevor er veröffentlicht wird',
    reject: 'wurde abgelehnt und nicht veröffentlicht',
    hide: 'wurde ausgeblendet',
    archive: 'wurde archiviert und ist nicht mehr öffentlich',
    delete: 'wurde entfernt',
    suspend: 'wurde gesperrt',
    warn: 'wurde verwarnt',
    restore: 'wurde wiederhergestellt',
    none: 'bleibt unverändert',
  },
  en: {
    approve: 'was approved',
    request_changes: 'needs changes before it is published',
    reject: 'was rejected and will not be published',
    hide: 'was hidden',
    archive: 'was archived and is no longer public',
    delete: 'was removed',
    suspend: 'was suspended',
    warn: 'received a warning',
    restore: 'was restored',
    none: 'stays as it is',
  },
};

/** What the decision is about, when the label alone does not say it. */
const TARGET_TEXT: Record<Locale, Record<ModerationTargetType, string>> = {
  de: {
    nano: 'Ihr Nano',
    rating: 'Ihr Kommentar',
    message: 'Ihre Chat-Nachricht',
    user: 'Ihr Konto',
    chat: 'Ihr Chat',
  },
  en: {
    nano: 'Your Nano',
    rating: 'Your comment',
    message: 'Your chat message',
    user: 'Your account',
    chat: 'Your chat',
  },
};

/** What the decision is about, as the payload says (a Nano when unknown). */
function targetOf(value: unknown): ModerationTargetType {
  return (MODERATION_TARGET_TYPES as readonly unknown[]).includes(value)
    ? (value as ModerationTargetType)
    : 'nano';
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim().length > 0 ? value : undefined;
}

function reasonCodes(value: unknown): ReasonCode[] {
  return Array.isArray(value)
    ? value.filter((v): v is ReasonCode => (REASON_CODES as readonly unknown[]).includes(v))
    : [];
}

function formatDate(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  }).format(new Date(iso));
}

/**
 * The statement of reasons of a moderation decision (EU DSA Art. 17): what was decided about
 * what, each rule cited quoted in full, the facts in the moderator's words, whether automated means
 * were used, and how and until when to appeal.
 */
export function moderationDecisionItem(
  locale: Locale,
  p: Record<string, unknown>,
  publicUrl: string,
): DecisionMailItem {
  if (p.appealOutcome === 'upheld' || p.appealOutcome === 'reversed') {
    return appealOutcomeItem(locale, p, publicUrl);
  }
  const de = locale === 'de';
  const action = (text(p.action) ?? 'none') as ModerationAction;
  const subjectOf = TARGET_TEXT[locale][targetOf(p.targetType)];
  const label = text(p.title);
  const quoted = label ? (de ? ` „${label}“` : ` “${label}”`) : '';
  const did = ACTION_TEXT[locale][action] ?? ACTION_TEXT[locale].none;
  const rules = reasonCodes(p.reasons).map((code) => {
    const template = REASON_TEMPLATES[code][locale];
    return `• ${template.title}: ${template.rule}`;
  });
  const statement = text(p.statement);
  const until = text(p.appealableUntil);
  const token = text(p.appealToken);
  const linkUrl = until && token ? appealLinkUrl(publicUrl, token) : undefined;
  const details = [
    ...(rules.length > 0
      ? [
          de ? 'Die Entscheidung stützt sich auf diese Regeln:' : 'The decision is based on these rules:',
          ...rules,
        ]
      : []),
    de
      ? `Sachverhalt: ${statement ?? 'Keine weitere Begründung angegeben.'}`
      : `Facts: ${statement ?? 'No further statement given.'}`,
    p.automated === true
      ? de
        ? 'Bei dieser Entscheidung wurden automatisierte Mittel eingesetzt (z. B. ein automatischer Filter oder eine abgelaufene Frist).'
        : 'Automated means were used in this decision (e.g. an automatic filter or an expired deadline).'
      : de
        ? 'Die Entscheidung hat ein Mensch aus dem Moderationsteam getroffen; automatisierte Mittel wurden nicht eingesetzt.'
        : 'A person on the moderation team made this decision; no automated means were used.',
    ...(until && linkUrl
      ? [
          de
            ? `Da Ihr Konto gesperrt ist, können Sie über diesen Link bis zum ${formatDate(locale, until)} einmal Einspruch einlegen, ohne sich anzumelden: ${linkUrl} (nur für Sie bestimmt; bitte nicht weitergeben). Über den Einspruch entscheidet eine andere Person aus dem Moderationsteam.`
            : `As your account is suspended, you can appeal once until ${formatDate(locale, until)} through this link, without signing in: ${linkUrl} (meant for you only; please do not share it). Someone else on the moderation team decides on the appeal.`,
        ]
      : until
        ? [
            de
              ? `Sie können bis zum ${formatDate(locale, until)} einmal Widerspruch einlegen: unter „Meine Entscheidungen“ (${myDecisionsUrl(publicUrl)}). Über den Widerspruch entscheidet eine andere Person aus dem Moderationsteam.`
              : `You may appeal once until ${formatDate(locale, until)}: under “My decisions” (${myDecisionsUrl(publicUrl)}). Someone else on the moderation team decides on the appeal.`,
          ]
        : []),
  ];
  if (action === 'warn') {
    return {
      subject: de
        ? `Verwarnung der Moderation: ${subjectOf}${quoted}`
        : `Warning from the moderators: ${subjectOf.toLowerCase()}${quoted}`,
      line: de
        ? `Sie erhalten eine Verwarnung der Moderation (betrifft: ${subjectOf}${quoted}).`
        : `You have received a warning from the moderators (concerning: ${subjectOf.toLowerCase()}${quoted}).`,
      details,
      url: myDecisionsUrl(publicUrl),
      actionLabel: de ? 'Entscheidung ansehen' : 'See the decision',
    };
  }
  return {
    subject: de
      ? `Entscheidung der Moderation: ${subjectOf}${quoted} ${did}`
      : `Moderation decision: ${subjectOf.toLowerCase()}${quoted} ${did}`,
    line: de ? `${subjectOf}${quoted} ${did}.` : `${subjectOf}${quoted} ${did}.`,
    details,
    url: linkUrl ?? myDecisionsUrl(publicUrl),
    actionLabel: linkUrl
      ? de
        ? 'Entscheidung ansehen und Einspruch einlegen'
        : 'See the decision and appeal'
      : de
        ? 'Entscheidung ansehen'
        : 'See the decision',
  };
}

/**
 * The outcome of an appeal, decided by a different moderator: the decision reversed (undone) or
 * upheld, with the second moderator's reasons and, when upheld, the remaining remedies.
 */
function appealOutcomeItem(locale: Locale, p: Record<string, unknown>, publicUrl: string): DecisionMailItem {
  const de = locale === 'de';
  const subjectOf = TARGET_TEXT[locale][targetOf(p.targetType)];
  const label = text(p.title);
  const about = `${de ? subjectOf : subjectOf.toLowerCase()}${label ? (de ? ` „${label}“` : ` “${label}”`) : ''}`;
  const reversed = p.appealOutcome === 'reversed';
  const statement = text(p.statement);
  return {
    subject: reversed
      ? de
        ? `Ihr Widerspruch war erfolgreich: ${about}`
        : `Your appeal was successful: ${about}`
      : de
        ? `Ihr Widerspruch wurde geprüft: ${about}`
        : `Your appeal has been reviewed: ${about}`,
    line: reversed
      ? de
        ? `Ihr Widerspruch war erfolgreich: Die Entscheidung der Moderation ist aufgehoben und rückgängig gemacht (betrifft: ${about}).`
        : `Your appeal was successful: the moderators' decision is reversed and undone (concerning: ${about}).`
      : de
        ? `Ihr Widerspruch wurde geprüft; die Entscheidung der Moderation bleibt bestehen (betrifft: ${about}).`
        : `Your appeal has been reviewed; the moderators' decision stands (concerning: ${about}).`,
    details: [
      ...(statement ? [de ? `Begründung: ${statement}` : `Reasons: ${statement}`] : []),
      de
        ? 'Über Ihren Widerspruch hat eine andere Person aus dem Moderationsteam entschieden als über die ursprüngliche Entscheidung.'
        : 'Someone on the moderation team other than the person who made the original decision decided on your appeal.',
      ...(reversed
        ? []
        : [
            de
              ? 'Sie können sich außerdem an eine zertifizierte außergerichtliche Streitbeilegungsstelle wenden (Art. 21 DSA) oder den Rechtsweg beschreiten.'
              : 'You may also turn to a certified out-of-court dispute settlement body (Art. 21 DSA) or go to court.',
          ]),
    ],
    url: myDecisionsUrl(publicUrl),
    actionLabel: de ? 'Entscheidung ansehen' : 'See the decision',
  };
}
