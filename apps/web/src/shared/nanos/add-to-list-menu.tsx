/** Placeholder: the "add to list" menu (issue 6, lists helper). */
export function AddToListMenu(_props: { nanoId: string; title: string }) {
  return null;
}
