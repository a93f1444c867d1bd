/** Placeholder: being built for issue 6. */
export function ListDetailPage() {
  return null;
}
