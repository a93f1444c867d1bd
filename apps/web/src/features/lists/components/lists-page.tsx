/** Placeholder: being built for issue 6. */
export function ListsPage() {
  return null;
}
