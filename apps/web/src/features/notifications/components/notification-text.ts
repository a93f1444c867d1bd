import type { AppNotification, NotificationType } from '@nano/contracts';
import { NANO_STATUSES, type NanoStatus, NOTIFICATION_TYPES, REVIEW_DECISIONS } from '@nano/contracts';
import type { TFunction } from 'i18next';
import { paths } from '../../../shared/routes.ts';

type Decision = (typeof REVIEW_DECISIONS)[number];

/** The anchor of the ratings section on the Nano page. */
export const RATINGS_ANCHOR = 'bewertungen';

/** A notification as the bell and the centre show it: one line, an optional second line, and where it leads. */
export interface NotificationView {
  text: string;
  detail?: string;
  href?: string;
}

/** i18next keys of each type (types contain dots, which i18next reads as nesting). */
export const NOTIFICATION_TYPE_KEYS = {
  'nano.review_decision': 'reviewDecision',
  'nano.status_changed': 'statusChanged',
  'rating.received': 'ratingReceived',
  'rating.reply_received': 'replyReceived',
  'flag.outcome': 'flagOutcome',
  'chat.message': 'chatMessage',
  'data_export.ready': 'dataExportReady',
  'moderation.decision': 'moderationDecision',
  'takedown.notice': 'takedownNotice',
} as const satisfies Record<NotificationType, string>;

export function isNotificationType(value: string): value is NotificationType {
  return (NOTIFICATION_TYPES as readonly string[]).includes(value);
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function isDecision(value: unknown): value is Decision {
  return REVIEW_DECISIONS.includes(value as Decision);
}

function isStatus(value: unknown): value is NanoStatus {
  return NANO_STATUSES.includes(value as NanoStatus);
}

const nanoHref = (nanoId: string | undefined) => (nanoId ? paths.nanoDetail.getHref(nanoId) : undefined);
const ratingsHref = (nanoId: string | undefined) =>
  nanoId ? `${paths.nanoDetail.getHref(nanoId)}#${RATINGS_ANCHOR}` : undefined;

/**
 * The localised text of a notification from its type and payload:
 * `nano.review_decision` {title, decision, note, update}, `nano.status_changed` {title, status},
 * `rating.received` {nanoTitle, score, hasComment, raterName}, `rating.reply_received`
 * {nanoTitle, creatorName}; `chat.message` {chatId, nanoTitle, senderName, preview}; `flag.outcome` and `data_export.ready` (later issues)
 * with their title when there is one; a neutral text for types this version does not know.
 */
/** "Name: preview" of a chat notification (`chat.message` {chatId, nanoTitle, senderName, preview, count}). */
function chatDetail(senderName: string | undefined, preview: string | undefined): string | undefined {
  if (!preview) {
    return undefined;
  }
  return senderName ? `${senderName}: ${preview}` : preview;
}

export function describeNotification(notification: AppNotification, t: TFunction): NotificationView {
  const { payload } = notification;
  const nanoId = stringOf(payload.nanoId);
  const chatId = stringOf(payload.chatId);
  const title = stringOf(payload.title) ?? stringOf(payload.nanoTitle);
  switch (notification.type) {
    case 'nano.review_decision': {
      if (!isDecision(payload.decision)) {
        break;
      }
      const update = payload.update === true;
      return {
        text: t(`notifications.reviewDecision.${payload.decision}${update ? 'Update' : ''}`, {
          title: title ?? t('notifications.untitled'),
        }),
        detail: stringOf(payload.note),
        href:
          nanoId && payload.decision === 'request_changes'
            ? paths.editNano.getHref(nanoId)
            : nanoHref(nanoId),
      };
    }
    case 'nano.status_changed':
      if (!isStatus(payload.status)) {
        break;
      }
      return {
        text: t('notifications.statusChanged', {
          title: title ?? t('notifications.untitled'),
          status: t(`nanoStatus.${payload.status}`),
        }),
        // A deleted Nano has no page any more; the creator's list shows what is left.
        href: payload.status === 'deleted' ? paths.myNanos.getHref() : nanoHref(nanoId),
      };
    case 'rating.received': {
      const score = typeof payload.score === 'number' ? payload.score : undefined;
      const values = {
        title: title ?? t('notifications.untitled'),
        name: stringOf(payload.raterName) ?? t('notifications.someone'),
        score,
      };
      return {
        text:
          score === undefined
            ? t('notifications.ratingReceivedNoScore', values)
            : payload.hasComment === true
              ? t('notifications.ratingReceivedWithComment', values)
              : t('notifications.ratingReceived', values),
        href: ratingsHref(nanoId),
      };
    }
    case 'rating.reply_received':
      return {
        text: t('notifications.replyReceived', {
          title: title ?? t('notifications.untitledNano'),
          name: stringOf(payload.creatorName) ?? t('notifications.theCreator'),
        }),
        href: ratingsHref(nanoId),
      };
    case 'flag.outcome':
      return {
        text: title ? t('notifications.flagOutcome', { title }) : t('notifications.flagOutcomeUntitled'),
        detail: stringOf(payload.note),
        href: nanoHref(nanoId),
      };
    case 'chat.message':
      return {
        text: title ? t('notifications.chatMessage', { title }) : t('notifications.chatMessageUntitled'),
        detail: chatDetail(stringOf(payload.senderName), stringOf(payload.preview)),
        href: chatId ? paths.chat.getHref(chatId) : nanoHref(nanoId),
      };
    case 'data_export.ready':
      return { text: t('notifications.dataExportReady'), href: paths.account.getHref('meine-daten') };
    case 'moderation.decision':
      return {
        text: title
          ? t('notifications.moderationDecision', { title })
          : t('notifications.moderationDecisionUntitled'),
        detail: stringOf(payload.statement),
        href: paths.myDecisions.getHref(),
      };
    case 'takedown.notice':
      return {
        text: title
          ? t('notifications.takedownNotice', { title })
          : t('notifications.takedownNoticeUntitled'),
        href: paths.myTakedowns.getHref(),
      };
  }
  return { text: t('notifications.unknown'), href: nanoHref(nanoId) };
}

/** The short name of one notification's type ("Neue Bewertung"), or a neutral one for unknown types. */
export function notificationTypeLabel(type: string, t: TFunction): string {
  return isNotificationType(type)
    ? t(`notifications.types.${NOTIFICATION_TYPE_KEYS[type]}.item`)
    : t('notifications.types.other');
}
