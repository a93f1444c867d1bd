import { backupCodesResponseSchema } from '@nano/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';

/** `POST /api/v1/auth/2fa/backup-codes`: ten new backup codes; the old ones stop working. */
export function regenerateBackupCodes() {
  return apiFetch('/api/v1/auth/2fa/backup-codes', backupCodesResponseSchema, { method: 'POST' });
}

export function useRegenerateBackupCodes() {
  return useMutation({ mutationFn: regenerateBackupCodes });
}
