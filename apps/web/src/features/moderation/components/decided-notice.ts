import { REVIEW_DECISIONS } from '@nano/contracts';

/** What the review page tells the queue after a decision (router state `{ decided }`). */
export interface DecidedNotice {
  title: string;
  decision: (typeof REVIEW_DECISIONS)[number];
}

/** The decision notice in a router location state, if any. */
export function decidedNoticeOf(state: unknown): DecidedNotice | undefined {
  const decided = (state as { decided?: Partial<DecidedNotice> } | null)?.decided;
  if (
    typeof decided?.title === 'string' &&
    REVIEW_DECISIONS.includes(decided.decision as DecidedNotice['decision'])
  ) {
    return decided as DecidedNotice;
  }
  return undefined;
}
