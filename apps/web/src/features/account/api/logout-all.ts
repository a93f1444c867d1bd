import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch, noContentSchema } from '../../../shared/api/client.ts';
import { clearSession } from '../../../shared/auth/get-current-user.ts';

/** `POST /api/v1/auth/logout-all`: ends every session of the account, this one included. */
export function logoutAll() {
  return apiFetch('/api/v1/auth/logout-all', noContentSchema, { method: 'POST' });
}

/** Logs out everywhere; the route guard then shows the login page with a note saying so. */
export function useLogoutAll() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: logoutAll, onSuccess: () => clearSession(queryClient, 'everywhere') });
}
