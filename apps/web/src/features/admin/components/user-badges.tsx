import { Badge, type BadgeProps } from '@mantine/core';
import type { UserStatus } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatDate } from '../../../shared/nanos/format.ts';

/** Dark shades, so the white text keeps the 4.5:1 contrast of WCAG AA. */
const STATUS_COLORS: Record<UserStatus, string> = {
  active: 'teal.9',
  suspended: 'red.9',
  restricted: 'grape.9',
  deactivated: 'orange.9',
  deleted: 'gray.7',
};

/** An account's status in words ("Gesperrt bis 12.05.2026"); the colour only repeats it. */
export function UserStatusBadge({
  status,
  suspendedUntil,
  size = 'sm',
}: {
  status: UserStatus;
  suspendedUntil: string | null;
  size?: BadgeProps['size'];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const label =
    status === 'suspended'
      ? suspendedUntil
        ? t('admin.status.suspendedUntil', { date: formatDate(suspendedUntil, locale) })
        : t('admin.status.suspendedIndefinitely')
      : t(`admin.status.${status}`);
  return (
    <Badge
      color={STATUS_COLORS[status]}
      variant="filled"
      size={size}
      tt="none"
      miw="max-content"
      data-status={status}
    >
      {label}
    </Badge>
  );
}

/** "Verifizierter Anbieter": the badge the public profile shows too. */
export function VerifiedBadge({ size = 'sm' }: { size?: BadgeProps['size'] }) {
  const { t } = useTranslation();
  return (
    <Badge color="blue.9" variant="filled" size={size} tt="none">
      {t('admin.user.verified')}
    </Badge>
  );
}

/** "Vertrauenswürdig": a trusted creator's updates publish at once (with sampling). */
export function TrustedBadge({ size = 'sm' }: { size?: BadgeProps['size'] }) {
  const { t } = useTranslation();
  return (
    <Badge color="indigo.9" variant="filled" size={size} tt="none">
      {t('admin.user.trusted')}
    </Badge>
  );
}
