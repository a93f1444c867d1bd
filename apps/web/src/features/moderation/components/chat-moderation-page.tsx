/** Held chat messages and disabling sessions (placeholder until the page lands). */
export function ChatModerationPage() {
  return null;
}
