import type { Nano } from '@nano/contracts';

/** Placeholder: rating widget and comments under a Nano (issue 6, ratings helper). */
export function RatingSection(_props: { nano: Nano }) {
  return null;
}
