/** Placeholder: being built for issue 6. */
export function ReceivedRatingsPage() {
  return null;
}
