/** `/konto/meine-daten`: consents, export, restriction and erasure (filled in by the privacy feature). */
export function MyDataTab() {
  return null;
}
