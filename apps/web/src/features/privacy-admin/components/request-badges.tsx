import { Badge, Stack, Text } from '@mantine/core';
import type { PrivacyRequest, PrivacyRequestStatus } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatDate } from '../../../shared/nanos/format.ts';

const DAY_MS = 86_400_000;

/** Dark shades, so the white text keeps the 4.5:1 contrast of WCAG AA; the text says the same. */
const STATUS_COLORS: Record<PrivacyRequestStatus, string> = {
  open: 'blue.9',
  in_progress: 'indigo.9',
  completed: 'teal.9',
  cancelled: 'gray.7',
  rejected: 'orange.9',
};

/** Whole days from now until `dueAt` (negative once past), counted as the admin reads a calendar. */
export function daysLeft(dueAt: string, now = Date.now()): number {
  return Math.ceil((Date.parse(dueAt) - now) / DAY_MS);
}

/** The request's status in words. */
export function RequestStatusBadge({ status }: { status: PrivacyRequestStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="filled" size="sm" tt="none" miw="max-content">
      {t(`privacyAdmin.status.${status}`)}
    </Badge>
  );
}

/** "Überfällig": open after the statutory 30 days. */
export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="red.9" variant="filled" size="sm" tt="none" miw="max-content">
      {t('privacyAdmin.overdue')}
    </Badge>
  );
}

/** The due date and, while the request is still open, how many days remain (or how many are past). */
export function DueDate({ request }: { request: PrivacyRequest }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const open = request.status === 'open' || request.status === 'in_progress';
  const days = daysLeft(request.dueAt);
  let remaining = '';
  if (open) {
    if (days > 0) {
      remaining = t('privacyAdmin.daysLeft', { count: days });
    } else if (days === 0) {
      remaining = t('privacyAdmin.dueToday');
    } else {
      remaining = t('privacyAdmin.daysOverdue', { count: -days });
    }
  }
  return (
    <Stack gap={2} align="flex-start">
      <Text size="sm">{formatDate(request.dueAt, locale)}</Text>
      {remaining && (
        <Text size="xs" c={request.overdue ? 'red.9' : 'dimmed'} fw={request.overdue ? 600 : undefined}>
          {remaining}
        </Text>
      )}
      {request.overdue && <OverdueBadge />}
    </Stack>
  );
}
