/** Placeholder: being built for issue 6. */
export function FavoritesPage() {
  return null;
}
