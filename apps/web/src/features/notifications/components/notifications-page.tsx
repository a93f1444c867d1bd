/** Placeholder: being built for issue 6. */
export function NotificationsPage() {
  return null;
}
