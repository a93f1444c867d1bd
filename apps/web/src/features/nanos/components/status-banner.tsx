import type { Nano } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { InfoAlert } from '../../../shared/ui/info-alert.tsx';

/**
 * For owner and staff: why the public does not see this Nano (yet), or that a new version waits
 * for review while the current one stays live.
 */
export function StatusBanner({ nano }: { nano: Nano }) {
  const { t } = useTranslation();
  if (nano.status !== 'published') {
    return (
      <InfoAlert title={t(`nanoStatus.${nano.status}`)}>{t(`nanoStatusBanner.${nano.status}`)}</InfoAlert>
    );
  }
  if (nano.pendingVersion?.status === 'pending_review') {
    return (
      <InfoAlert title={t('nanoStatusBanner.pendingVersionTitle')}>
        {t('nanoStatusBanner.pendingVersion', { semver: nano.pendingVersion.semver })}
      </InfoAlert>
    );
  }
  return null;
}
