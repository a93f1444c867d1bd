import {
  type ErasureNanoChoice,
  privacyRequestSchema,
  privacyRunExportResultSchema,
  type RecordPrivacyRequest,
  type updatePrivacyRequestSchema,
} from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from '../../../shared/api/client.ts';
import { adminQueryKey } from './keys.ts';

export type UpdatePrivacyRequestBody = z.input<typeof updatePrivacyRequestSchema>;

/** The run actions answer with a summary or nothing; the pages refetch what they show. */
const anyAnswerSchema = z.unknown();

function requestPath(id: string, action = ''): string {
  return `/api/v1/admin/privacy-requests/${encodeURIComponent(id)}${action}`;
}

/** `POST /api/v1/admin/privacy-requests`: a request received by email or letter, with the verification note. */
export function recordPrivacyRequest(body: RecordPrivacyRequest) {
  return apiFetch('/api/v1/admin/privacy-requests', privacyRequestSchema, { method: 'POST', json: body });
}

/** `PATCH /api/v1/admin/privacy-requests/{id}`: status and handling note. */
export async function updatePrivacyRequest({
  id,
  body,
}: {
  id: string;
  body: UpdatePrivacyRequestBody;
}): Promise<void> {
  await apiFetch(requestPath(id), anyAnswerSchema, { method: 'PATCH', json: body });
}

/** `POST …/run-export` → 202 with the export id; the file goes to the user, never to the admin. */
export function runPrivacyExport({ id }: { id: string }) {
  // An empty JSON object: the route validates a body, and a bodiless POST has none to validate.
  return apiFetch(requestPath(id, '/run-export'), privacyRunExportResultSchema, { method: 'POST', json: {} });
}

/** `POST …/run-erasure` {nanos}: anonymises the account at once (no cancellation window). */
export async function runPrivacyErasure({
  id,
  nanos,
}: {
  id: string;
  nanos: ErasureNanoChoice;
}): Promise<void> {
  await apiFetch(requestPath(id, '/run-erasure'), anyAnswerSchema, { method: 'POST', json: { nanos } });
}

/** A privacy action may change requests, inventories and the account itself: the whole admin cache is asked again. */
function usePrivacyAction<Variables, Result>(mutationFn: (variables: Variables) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminQueryKey }),
  });
}

export function useRecordPrivacyRequest() {
  return usePrivacyAction(recordPrivacyRequest);
}

export function useUpdatePrivacyRequest() {
  return usePrivacyAction(updatePrivacyRequest);
}

export function useRunPrivacyExport() {
  return usePrivacyAction(runPrivacyExport);
}

export function useRunPrivacyErasure() {
  return usePrivacyAction(runPrivacyErasure);
}
