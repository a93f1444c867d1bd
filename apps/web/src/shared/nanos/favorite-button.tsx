/** Placeholder: the heart button with count (issue 6, lists helper). */
export function FavoriteButton(_props: { nanoId: string; count: number; size?: 'sm' | 'md' }) {
  return null;
}
