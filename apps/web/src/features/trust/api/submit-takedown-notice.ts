import { type TakedownNoticeRequest, takedownNoticeAcceptedSchema } from '@nano/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';

/**
 * `POST /api/v1/takedown-notices` (no sign-in): a copyright notice about a Nano; the server
 * mails the complainant a confirmation link (202). Rate limited per network: 429 with
 * `Retry-After`.
 */
export function submitTakedownNotice(body: TakedownNoticeRequest) {
  return apiFetch('/api/v1/takedown-notices', takedownNoticeAcceptedSchema, { method: 'POST', json: body });
}

export function useSubmitTakedownNotice() {
  return useMutation({ mutationFn: submitTakedownNotice });
}
