import { Badge } from '@mantine/core';
import type { NanoStatus, VersionStatus } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { STATUS_COLORS, VERSION_STATUS_COLORS } from './labels.ts';

/** A Nano's status as a coloured badge with its localised name. */
export function NanoStatusBadge({ status }: { status: NanoStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} autoContrast variant="filled" miw="max-content" data-status={status}>
      {t(`nanoStatus.${status}`)}
    </Badge>
  );
}

/** A version's review status as a coloured badge. */
export function VersionStatusBadge({ status }: { status: VersionStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={VERSION_STATUS_COLORS[status]}
      autoContrast
      variant="filled"
      miw="max-content"
      data-status={status}
    >
      {t(`versionStatus.${status}`)}
    </Badge>
  );
}
