import { describe, expect, it, vi } from 'vitest';

/** A fresh copy of the i18n module, initialised from whatever localStorage holds now. */
async function freshI18n() {
  vi.resetModules();
  return import('./i18n.ts');
}

describe('remembered language', () => {
  it('starts in German when nothing is stored', async () => {
    window.localStorage.clear();
    const { i18n } = await freshI18n();

    expect(i18n.resolvedLanguage).toBe('de');
    expect(document.documentElement.lang).toBe('de');
  });

  it('starts in the stored language and sets <html lang> to it', async () => {
    const { LANGUAGE_STORAGE_KEY } = await freshI18n();
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');

    const { i18n } = await freshI18n();

    expect(i18n.resolvedLanguage).toBe('en');
    expect(i18n.t('nav.home')).toBe('Home');
    expect(document.documentElement.lang).toBe('en');
  });

  it('ignores an unsupported stored value', async () => {
    const { LANGUAGE_STORAGE_KEY } = await freshI18n();
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr');

    const { i18n } = await freshI18n();

    expect(i18n.resolvedLanguage).toBe('de');
  });
});
