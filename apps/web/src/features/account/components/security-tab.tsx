import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../../shared/auth/get-current-user.ts';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { SectionCard } from '../../../shared/ui/section-card.tsx';
import { EmailChangeForm } from './email-change-form.tsx';
import { PasswordChangeForm } from './password-change-form.tsx';
import { TwoFactorSection } from './two-factor-section.tsx';

/** Roles for which the server requires 2FA; they cannot turn it off. */
const TWO_FACTOR_REQUIRED_ROLES = new Set(['moderator', 'admin']);

/** Sicherheit tab: password, email address and two-factor authentication. */
export function SecurityTab() {
  const { t } = useTranslation();
  const user = useCurrentUser().data;
  if (!user) {
    return <PageLoader />;
  }
  return (
    <Stack gap="lg">
      <SectionCard title={t('account.twoFactor.title')} description={t('account.twoFactor.description')}>
        <TwoFactorSection
          enabled={user.twoFactorEnabled}
          required={TWO_FACTOR_REQUIRED_ROLES.has(user.role)}
        />
      </SectionCard>
      <SectionCard title={t('account.password.title')} description={t('account.password.description')}>
        <PasswordChangeForm />
      </SectionCard>
      <SectionCard title={t('account.email.title')} description={t('account.email.description')}>
        <EmailChangeForm currentEmail={user.email} />
      </SectionCard>
    </Stack>
  );
}
