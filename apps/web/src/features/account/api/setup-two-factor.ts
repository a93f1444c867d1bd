import { twoFactorSetupResponseSchema } from '@nano/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';

/** `POST /api/v1/auth/2fa/setup`: a new secret (not active until confirmed with a code), as QR image and text. */
export function setupTwoFactor() {
  return apiFetch('/api/v1/auth/2fa/setup', twoFactorSetupResponseSchema, { method: 'POST' });
}

export function useSetupTwoFactor() {
  return useMutation({ mutationFn: setupTwoFactor });
}
