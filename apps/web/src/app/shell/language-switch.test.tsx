import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LANGUAGE_STORAGE_KEY } from '../../shared/i18n/i18n.ts';
import { createCategoryTree } from '../../testing/factories.ts';
import { jsonResponse, renderApp } from '../../testing/render-app.tsx';

// jsdom applies no CSS, so the short label ("EN", shown on narrow screens only) is part of the name here.
const ENGLISH = /^English/;
const GERMAN = /^Deutsch/;

describe('language switch', () => {
  it('switches texts, category names and <html lang> to English and remembers the choice', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(createCategoryTree())),
    );
    const user = userEvent.setup();
    renderApp('/');
    await screen.findByRole('heading', { level: 3, name: 'Business Skills' });
    expect(document.documentElement.lang).toBe('de');
    expect(screen.getByRole('radiogroup', { name: 'Sprache' })).toBeVisible();
    expect(screen.getByRole('radio', { name: GERMAN })).toBeChecked();

    await user.click(screen.getByRole('radio', { name: ENGLISH }));

    expect(screen.getByRole('radio', { name: ENGLISH })).toBeChecked();
    expect(screen.getByRole('radiogroup', { name: 'Language' })).toBeVisible();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      'Short learning units for continuing education',
    );
    expect(screen.getByRole('navigation', { name: 'Main navigation' })).toHaveTextContent('Home');
    expect(screen.getByRole('heading', { level: 3, name: 'Business skills' })).toBeVisible();
    expect(screen.getByText('Project management')).toBeVisible();
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('Home – Nano-Marktplatz');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
  });

  it('can be operated with the keyboard', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(createCategoryTree())),
    );
    const user = userEvent.setup();
    renderApp('/');

    screen.getByRole('radio', { name: GERMAN }).focus();
    await user.keyboard('{ArrowRight}');

    expect(screen.getByRole('radio', { name: ENGLISH })).toBeChecked();
    expect(document.documentElement.lang).toBe('en');
  });

  it('asks the API in the chosen language when a failed load is retried', async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(
        jsonResponse(
          { type: 'about:blank', title: 'Dienst nicht verfügbar', status: 503, code: 'unavailable' },
          503,
          'application/problem+json',
        ),
      )
      .mockResolvedValueOnce(
        jsonResponse(
          { type: 'about:blank', title: 'Service unavailable', status: 503, code: 'unavailable' },
          503,
          'application/problem+json',
        ),
      );
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup();
    renderApp('/');
    expect(await screen.findByRole('alert')).toHaveTextContent('Dienst nicht verfügbar');

    await user.click(screen.getByRole('radio', { name: ENGLISH }));

    expect(await screen.findByText('Service unavailable')).toBeVisible();
    const [, init] = fetchMock.mock.calls[1] as [string, RequestInit];
    expect(new Headers(init.headers).get('Accept-Language')).toBe('en');
  });
});
