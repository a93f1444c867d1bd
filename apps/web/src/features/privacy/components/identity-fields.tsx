import { PasswordInput, Stack, TextInput } from '@mantine/core';
import { IDENTITY_LIMITS } from '@nano/contracts';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

/**
 * Form values → request body for the confirmation forms: an empty 2FA code and an empty reason
 * are left out (both are optional in the contracts). Used as `useZodForm`'s `prepare`.
 */
export function withoutEmptyOptionals<T extends { twoFactorCode?: string; reason?: string }>(values: T): T {
  return {
    ...values,
    twoFactorCode: values.twoFactorCode?.trim() || undefined,
    reason: values.reason?.trim() || undefined,
  };
}

interface IdentityFieldsProps {
  password: UseFormRegisterReturn;
  passwordError?: string;
  code: UseFormRegisterReturn;
  codeError?: string;
  /** The user has 2FA on: the current code is asked too. */
  twoFactor: boolean;
}

/** Current password (and 2FA code) to confirm a sensitive action. */
export function IdentityFields({ password, passwordError, code, codeError, twoFactor }: IdentityFieldsProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" maw={360}>
      <PasswordInput
        label={t('auth.fields.currentPassword')}
        autoComplete="current-password"
        required
        maxLength={IDENTITY_LIMITS.passwordMax}
        error={passwordError}
        visibilityToggleButtonProps={{ 'aria-label': t('password.toggleVisibility') }}
        {...password}
      />
      {twoFactor && (
        <TextInput
          label={t('auth.twoFactor.codeLabel')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={IDENTITY_LIMITS.totpCodeLength}
          required
          error={codeError}
          {...code}
        />
      )}
    </Stack>
  );
}
