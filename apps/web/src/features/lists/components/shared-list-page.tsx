/** Placeholder: being built for issue 6. */
export function SharedListPage() {
  return null;
}
