import { erasureCancelResultSchema } from '@nano/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';

/** `POST /api/v1/erasure/cancel` {token}: the link from the confirmation e-mail; no sign-in needed. */
export function useCancelErasure() {
  return useMutation({
    mutationFn: (token: string) =>
      apiFetch('/api/v1/erasure/cancel', erasureCancelResultSchema, { method: 'POST', json: { token } }),
  });
}
