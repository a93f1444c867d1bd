import type { searchClickRequestSchema } from '@nano/contracts';
import type { z } from 'zod';
import { apiFetch, noContentSchema } from '../../../shared/api/client.ts';

export type SearchClick = z.input<typeof searchClickRequestSchema>;

/**
 * `POST /api/v1/search/clicks`: which result of which search was opened, for the click-through
 * figures (stored without a user). Fire and forget: a lost click must never bother the user.
 */
export function recordSearchClick(click: SearchClick): void {
  apiFetch('/api/v1/search/clicks', noContentSchema, { method: 'POST', json: click, keepalive: true }).catch(
    () => {},
  );
}
