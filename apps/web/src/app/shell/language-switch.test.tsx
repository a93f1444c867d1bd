import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_STORAGE_KEY } from '../../shared/i18n/i18n.ts';
import { mockApi, problemResponse } from '../../testing/mock-api.ts';
import { renderApp } from '../../testing/render-app.tsx';

// jsdom applies no CSS, so the short label ("EN", shown on narrow screens only) is part of the name here.
const ENGLISH = /^English/;
const GERMAN = /^Deutsch/;

describe('language switch', () => {
  it('switches texts, category names and <html lang> to English and remembers the choice', async () => {
    mockApi();
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
    mockApi();
    const user = userEvent.setup();
    renderApp('/');

    screen.getByRole('radio', { name: GERMAN }).focus();
    await user.keyboard('{ArrowRight}');

    expect(screen.getByRole('radio', { name: ENGLISH })).toBeChecked();
    expect(document.documentElement.lang).toBe('en');
  });

  it('asks the API in the chosen language when a failed load is retried', async () => {
    const api = mockApi({
      'GET /api/v1/categories': [
        () => problemResponse(503, 'unavailable', 'Dienst nicht verfügbar'),
        () => problemResponse(503, 'unavailable', 'Service unavailable'),
      ],
    });
    const user = userEvent.setup();
    renderApp('/');
    expect(await screen.findByRole('alert')).toHaveTextContent('Dienst nicht verfügbar');

    await user.click(screen.getByRole('radio', { name: ENGLISH }));

    expect(await screen.findByText('Service unavailable')).toBeVisible();
    expect(api.callsTo('GET /api/v1/categories')[1]?.headers.get('Accept-Language')).toBe('en');
  });
});
