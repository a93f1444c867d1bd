/** Placeholder: being built for issue 6. */
export function MyRatingsPage() {
  return null;
}
