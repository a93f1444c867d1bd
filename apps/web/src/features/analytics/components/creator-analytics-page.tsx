/** Placeholder: being built for issue 6. */
export function CreatorAnalyticsPage() {
  return null;
}
