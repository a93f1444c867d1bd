import { Badge, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentUserQueryKey } from '../../../shared/auth/get-current-user.ts';
import { SuccessAlert } from '../../../shared/ui/success-alert.tsx';
import { DisableTwoFactorForm } from './disable-two-factor-form.tsx';
import { RegenerateBackupCodes } from './regenerate-backup-codes.tsx';
import { TwoFactorEnrolment } from './two-factor-enrolment.tsx';

/** 2FA on the Sicherheit tab: enrol when off; regenerate backup codes or turn off when on. */
export function TwoFactorSection({ enabled, required }: { enabled: boolean; required: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<'enabled' | 'disabled'>();
  const reloadUser = () => queryClient.invalidateQueries({ queryKey: currentUserQueryKey });

  return (
    <Stack gap="md">
      <Group gap="xs">
        <Text fw={500}>{t('account.twoFactor.status')}</Text>
        <Badge color={enabled ? 'teal.9' : 'gray.7'} variant="filled">
          {enabled ? t('account.twoFactor.on') : t('account.twoFactor.off')}
        </Badge>
      </Group>
      {notice === 'enabled' && <SuccessAlert title={t('account.twoFactor.enabledNotice')} />}
      {notice === 'disabled' && <SuccessAlert title={t('account.twoFactor.disabledNotice')} />}
      {enabled ? (
        <>
          <Stack gap="sm">
            <Title order={3} size="h4">
              {t('account.backupCodes.title')}
            </Title>
            <Text size="sm">{t('account.backupCodes.regenerateIntro')}</Text>
            <RegenerateBackupCodes />
          </Stack>
          {!required && (
            <>
              <Divider />
              <Stack gap="sm">
                <Title order={3} size="h4">
                  {t('account.twoFactor.disableTitle')}
                </Title>
                <Text size="sm">{t('account.twoFactor.disableIntro')}</Text>
                <DisableTwoFactorForm
                  onDisabled={() => {
                    setNotice('disabled');
                    void reloadUser();
                  }}
                />
              </Stack>
            </>
          )}
        </>
      ) : (
        <TwoFactorEnrolment
          onDone={() => {
            setNotice('enabled');
            void reloadUser();
          }}
        />
      )}
    </Stack>
  );
}
