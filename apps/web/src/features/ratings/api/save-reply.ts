import { type Rating, type ratingReplyRequestSchema, ratingSchema } from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '../../../shared/api/client.ts';
import { patchRatingInCaches } from './rating-cache.ts';

export type ReplyBody = z.input<typeof ratingReplyRequestSchema>;

/** `POST /api/v1/ratings/{id}/reply`: the Nano's creator answers a rating, or edits the answer. */
export function saveReply({ rating, body }: { rating: Pick<Rating, 'id' | 'nanoId'>; body: ReplyBody }) {
  return apiFetch(`/api/v1/ratings/${encodeURIComponent(rating.id)}/reply`, ratingSchema, {
    method: 'POST',
    json: body,
  });
}

export function useSaveReply() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveReply,
    onSuccess: (saved, { rating }) => patchRatingInCaches(queryClient, rating, { reply: saved.reply }),
  });
}
