import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { SectionCard } from '../../../shared/ui/section-card.tsx';
import { useProfile } from '../api/get-profile.ts';
import { AvatarSection } from './avatar-section.tsx';
import { ProfileForm } from './profile-form.tsx';

/** Profil tab: the avatar and every profile field. */
export function ProfileTab() {
  const { t } = useTranslation();
  const profile = useProfile();

  if (profile.isPending) {
    return <PageLoader />;
  }
  if (profile.isError) {
    return (
      <ErrorAlert
        error={profile.error}
        message={t('account.profile.loadError')}
        onRetry={() => void profile.refetch()}
        retrying={profile.isFetching}
      />
    );
  }
  return (
    <Stack gap="lg">
      <SectionCard title={t('account.avatar.title')} description={t('account.avatar.description')}>
        <AvatarSection profile={profile.data} />
      </SectionCard>
      <SectionCard title={t('account.profile.title')} description={t('account.profile.description')}>
        <ProfileForm profile={profile.data} />
      </SectionCard>
    </Stack>
  );
}
