/** The first published version of every Nano. */
export const FIRST_VERSION = '1.0.0';

/** The next version after `current`: a new file bumps minor by default, major on request. */
export function nextSemver(current: string | null, bump: 'major' | 'minor'): string {
  if (!current) {
    return FIRST_VERSION;
  }
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(current);
  if (!match) {
    return FIRST_VERSION;
  }
  const major = Number(match[1]);
  const minor = Number(match[2]);
  return bump === 'major' ? `${major + 1}.0.0` : `${major}.${minor + 1}.0`;
}
