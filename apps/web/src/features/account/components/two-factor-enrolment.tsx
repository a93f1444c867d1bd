import { Button, CopyButton, Group, Image, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { IDENTITY_LIMITS, twoFactorCodeRequestSchema } from '@nano/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../../shared/forms/apply-server-errors.ts';
import { useZodForm } from '../../../shared/forms/use-zod-form.ts';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { useFocusOnMount } from '../../../shared/ui/use-focus-on-mount.ts';
import { useEnableTwoFactor } from '../api/enable-two-factor.ts';
import { useSetupTwoFactor } from '../api/setup-two-factor.ts';
import { BackupCodesPanel } from './backup-codes-panel.tsx';

interface SetupData {
  secret: string;
  qrDataUrl: string;
}

/** Step 2 and 3: scan the QR code (or type the secret), then confirm with a code from the app. */
function ConfirmStep({ setup, onEnabled }: { setup: SetupData; onEnabled: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const enable = useEnableTwoFactor();
  const form = useZodForm(twoFactorCodeRequestSchema, { defaultValues: { code: '' } });
  const { errors } = form.formState;

  return (
    <Stack gap="md">
      <Title order={3} size="h4" ref={headingRef} tabIndex={-1}>
        {t('account.twoFactor.scanTitle')}
      </Title>
      <List type="ordered" spacing="xs" withPadding>
        <List.Item>{t('account.twoFactor.stepInstall')}</List.Item>
        <List.Item>{t('account.twoFactor.stepScan')}</List.Item>
        <List.Item>{t('account.twoFactor.stepConfirm')}</List.Item>
      </List>
      <Group align="flex-start" gap="xl">
        <Image
          src={setup.qrDataUrl}
          alt={t('account.twoFactor.qrAlt')}
          w={200}
          h={200}
          fit="contain"
          radius="sm"
          bd="1px solid var(--mantine-color-default-border)"
        />
        <Stack gap="xs" style={{ flex: 1, minWidth: 240 }}>
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              label={t('account.twoFactor.secretLabel')}
              description={t('account.twoFactor.secretHint')}
              value={setup.secret}
              readOnly
              style={{ flex: 1 }}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            />
            <CopyButton value={setup.secret}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy}>
                  {copied ? t('account.twoFactor.copied') : t('account.twoFactor.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Stack>
      </Group>
      <form
        noValidate
        aria-label={t('account.twoFactor.confirmLabel')}
        onSubmit={form.handleSubmit(({ code }) =>
          enable.mutate(code, {
            onSuccess: ({ backupCodes }) => onEnabled(backupCodes),
            onError: (error) => {
              if (!applyServerErrors(form, error, ['code'])) {
                form.resetField('code');
                form.setFocus('code');
              }
            },
          }),
        )}
      >
        <Stack gap="sm" maw={360}>
          <FormErrorAlert error={enable.error} />
          <TextInput
            label={t('auth.twoFactor.codeLabel')}
            description={t('auth.twoFactor.codeHint')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={IDENTITY_LIMITS.totpCodeLength}
            required
            error={errors.code?.message}
            {...form.register('code')}
          />
          <Group>
            <Button type="submit" loading={enable.isPending}>
              {t('account.twoFactor.enable')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

/**
 * Turning 2FA on: a new secret as QR code and text, confirmed with a code, then the backup
 * codes. `onDone` runs once the user confirmed having saved those.
 */
export function TwoFactorEnrolment({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const setup = useSetupTwoFactor();
  const [backupCodes, setBackupCodes] = useState<string[]>();

  if (backupCodes) {
    return <BackupCodesPanel codes={backupCodes} onDone={onDone} />;
  }
  if (setup.data) {
    return <ConfirmStep setup={setup.data} onEnabled={setBackupCodes} />;
  }
  return (
    <Stack gap="sm" align="flex-start">
      <Text>{t('account.twoFactor.offIntro')}</Text>
      <FormErrorAlert error={setup.error} />
      <Button loading={setup.isPending} onClick={() => setup.mutate()}>
        {t('account.twoFactor.start')}
      </Button>
    </Stack>
  );
}
