import type { PendingLegal } from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from '../../../shared/api/client.ts';
import { currentUserQueryKey, privateQueryKeyPrefix } from '../../../shared/auth/get-current-user.ts';

/** `POST /api/v1/me/legal-acceptances`: accepts the named (current) versions (the answer body is not used). */
export function acceptLegalDocuments(documents: PendingLegal[]) {
  return apiFetch('/api/v1/me/legal-acceptances', z.unknown(), {
    method: 'POST',
    json: { documents },
  });
}

/** Accepts, then reloads the user (its `pendingLegal` is empty now) and the consent overview. */
export function useAcceptLegalDocuments() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptLegalDocuments,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: currentUserQueryKey });
      await queryClient.invalidateQueries({ queryKey: [privateQueryKeyPrefix, 'consents'] });
    },
  });
}
