/**
 * What a detail page tells the workspace after a decision (router state `{ moderationNotice }`):
 * the sentence of the success notice, already in the user's language.
 */
export function moderationNoticeState(text: string): { moderationNotice: string } {
  return { moderationNotice: text };
}

/** The success notice in a router location state, if any. */
export function moderationNoticeOf(state: unknown): string | undefined {
  const notice = (state as { moderationNotice?: unknown } | null)?.moderationNotice;
  return typeof notice === 'string' && notice.length > 0 ? notice : undefined;
}
