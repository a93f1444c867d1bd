import { currentUserSchema } from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { setCurrentUser } from '../../../shared/auth/get-current-user.ts';

/** `POST /api/v1/me/become-creator`: self-service upgrade; the user, now with role creator. */
export function becomeCreator() {
  return apiFetch('/api/v1/me/become-creator', currentUserSchema, { method: 'POST' });
}

export function useBecomeCreator() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: becomeCreator, onSuccess: (user) => setCurrentUser(queryClient, user) });
}
