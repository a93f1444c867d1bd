import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch, noContentSchema } from '../../../shared/api/client.ts';
import { clearSession } from '../../../shared/auth/get-current-user.ts';

/** `POST /api/v1/auth/logout`: ends this device's session and clears its cookies. */
export function logout() {
  return apiFetch('/api/v1/auth/logout', noContentSchema, { method: 'POST' });
}

/**
 * Logs out. The app forgets the user even when the call fails (the session may be gone
 * already), so that the screen never shows someone as signed in who pressed "log out".
 * A page that needs login then sends the guest home.
 */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: logout, onSettled: () => clearSession(queryClient, 'self') });
}
