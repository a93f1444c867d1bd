import { backupCodesResponseSchema } from '@nano/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';

/**
 * `POST /api/v1/auth/2fa/enable` with a code from the app: turns 2FA on and answers the ten
 * backup codes, shown this once. The current user is reloaded only after the user confirms
 * having saved them, so that the codes do not vanish from the screen.
 */
export function enableTwoFactor(code: string) {
  return apiFetch('/api/v1/auth/2fa/enable', backupCodesResponseSchema, { method: 'POST', json: { code } });
}

export function useEnableTwoFactor() {
  return useMutation({ mutationFn: enableTwoFactor });
}
