import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { useRegenerateBackupCodes } from '../api/regenerate-backup-codes.ts';
import { BackupCodesPanel } from './backup-codes-panel.tsx';

/** New backup codes, after a confirmation (the old ones stop working). */
export function RegenerateBackupCodes() {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const regenerate = useRegenerateBackupCodes();

  if (regenerate.data) {
    return (
      <BackupCodesPanel
        codes={regenerate.data.backupCodes}
        onDone={() => {
          regenerate.reset();
          setConfirming(false);
        }}
      />
    );
  }
  if (confirming) {
    return (
      <Stack gap="sm" align="flex-start">
        <Text>{t('account.backupCodes.regenerateWarning')}</Text>
        <FormErrorAlert error={regenerate.error} />
        <Group gap="sm">
          <Button loading={regenerate.isPending} onClick={() => regenerate.mutate()}>
            {t('account.backupCodes.regenerateConfirm')}
          </Button>
          <Button variant="subtle" onClick={() => setConfirming(false)} disabled={regenerate.isPending}>
            {t('account.backupCodes.cancel')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Group>
      <Button variant="default" onClick={() => setConfirming(true)}>
        {t('account.backupCodes.regenerate')}
      </Button>
    </Group>
  );
}
