import { Anchor, Button, Group, Stack, TextInput } from '@mantine/core';
import { IDENTITY_LIMITS, twoFactorLoginRequestSchema } from '@nano/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/client.ts';
import { applyServerErrors } from '../../../shared/forms/apply-server-errors.ts';
import { useZodForm } from '../../../shared/forms/use-zod-form.ts';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { useLoginTwoFactor } from '../api/login-two-factor.ts';

type Mode = 'code' | 'backupCode';

/**
 * The second login step: the 6-digit code of the authenticator app, or — switched with a
 * toggle — one of the backup codes. The field takes the focus whenever it appears.
 */
export function TwoFactorForm({ onRestart }: { onRestart: () => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('code');
  const verify = useLoginTwoFactor();
  // The field of the other mode unregisters, so exactly one of code and backupCode is sent.
  const form = useZodForm(twoFactorLoginRequestSchema, { shouldUnregister: true });
  const { errors } = form.formState;
  const { setFocus } = form;
  // The password step is valid for a few minutes and a few tries only; then it starts again.
  const pendingLoginExpired = verify.error instanceof ApiError && verify.error.code === 'session_expired';

  useEffect(() => {
    setFocus(mode);
  }, [mode, setFocus]);

  const switchMode = () => {
    verify.reset();
    setMode(mode === 'code' ? 'backupCode' : 'code');
  };

  return (
    <form
      noValidate
      aria-label={t('auth.twoFactor.title')}
      onSubmit={form.handleSubmit((values) =>
        verify.mutate(values, {
          onError: (error) => {
            if (!applyServerErrors(form, error, ['code', 'backupCode'])) {
              form.resetField(mode);
              setFocus(mode);
            }
          },
        }),
      )}
    >
      <Stack gap="md">
        <FormErrorAlert error={verify.error}>
          {pendingLoginExpired && (
            <Button variant="default" size="xs" onClick={onRestart}>
              {t('auth.twoFactor.restart')}
            </Button>
          )}
        </FormErrorAlert>
        {mode === 'code' ? (
          <TextInput
            key="code"
            label={t('auth.twoFactor.codeLabel')}
            description={t('auth.twoFactor.codeHint')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={IDENTITY_LIMITS.totpCodeLength}
            required
            error={errors.code?.message}
            {...form.register('code')}
          />
        ) : (
          <TextInput
            key="backupCode"
            label={t('auth.twoFactor.backupCodeLabel')}
            description={t('auth.twoFactor.backupCodeHint')}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
            error={errors.backupCode?.message}
            {...form.register('backupCode')}
          />
        )}
        <Button type="submit" loading={verify.isPending} fullWidth>
          {t('auth.twoFactor.submit')}
        </Button>
        <Group justify="space-between" gap="xs">
          <Anchor component="button" type="button" size="sm" onClick={switchMode}>
            {mode === 'code' ? t('auth.twoFactor.useBackupCode') : t('auth.twoFactor.useCode')}
          </Anchor>
          <Anchor component="button" type="button" size="sm" onClick={onRestart}>
            {t('auth.twoFactor.restart')}
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}
