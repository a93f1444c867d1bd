/** Placeholder: per-type notification channels (issue 6, notifications helper). */
export function NotificationSettingsTab() {
  return null;
}
