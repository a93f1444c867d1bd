import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch, noContentSchema } from '../../../shared/api/client.ts';
import { clearSession } from '../../../shared/auth/get-current-user.ts';

/**
 * `POST /api/v1/auth/logout` from the acceptance page (features do not import each other, so
 * this repeats the header's logout): the app forgets the user even when the call fails.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch('/api/v1/auth/logout', noContentSchema, { method: 'POST' }),
    onSettled: () => clearSession(queryClient, 'self'),
  });
}
