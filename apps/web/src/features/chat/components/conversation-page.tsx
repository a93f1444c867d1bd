/** One conversation (placeholder until the conversation view lands). */
export function ConversationPage() {
  return null;
}
