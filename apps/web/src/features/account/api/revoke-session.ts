import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch, noContentSchema } from '../../../shared/api/client.ts';
import { sessionsQueryKey } from './get-sessions.ts';

/** `DELETE /api/v1/auth/sessions/{id}`: signs that device out. */
export function revokeSession(id: string) {
  return apiFetch(`/api/v1/auth/sessions/${encodeURIComponent(id)}`, noContentSchema, { method: 'DELETE' });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeSession,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
  });
}
