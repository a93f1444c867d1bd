import type { AppNotification } from '@nano/contracts';
import { NANO_STATUSES, type NanoStatus, REVIEW_DECISIONS } from '@nano/contracts';
import type { TFunction } from 'i18next';
import { paths } from '../../../shared/routes.ts';

type Decision = (typeof REVIEW_DECISIONS)[number];

/** A notification as the bell shows it: one line, an optional second line, and where it leads. */
export interface NotificationView {
  text: string;
  detail?: string;
  href?: string;
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

/**
 * The localised text of a notification from its type and payload (`nano.review_decision` with
 * {title, decision, note}, `nano.status_changed` with {title, status}); a neutral text for types
 * this version of the app does not know yet.
 */
export function describeNotification(notification: AppNotification, t: TFunction): NotificationView {
  const { payload } = notification;
  const title = stringOf(payload.title) ?? t('notifications.untitled');
  const nanoId = stringOf(payload.nanoId);
  if (notification.type === 'nano.review_decision' && isDecision(payload.decision)) {
    const update = payload.update === true;
    return {
      text: t(`notifications.reviewDecision.${payload.decision}${update ? 'Update' : ''}`, { title }),
      detail: stringOf(payload.note),
      href: nanoId
        ? payload.decision === 'request_changes'
          ? paths.editNano.getHref(nanoId)
          : paths.nanoDetail.getHref(nanoId)
        : undefined,
    };
  }
  if (notification.type === 'nano.status_changed' && isStatus(payload.status)) {
    return {
      text: t('notifications.statusChanged', { title, status: t(`nanoStatus.${payload.status}`) }),
      href: nanoId ? paths.nanoDetail.getHref(nanoId) : undefined,
    };
  }
  return { text: t('notifications.unknown') };
}
