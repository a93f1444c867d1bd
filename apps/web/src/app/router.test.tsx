import { QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { mockApi } from '../testing/mock-api.ts';
import { renderApp } from '../testing/render-app.tsx';
import { RouteErrorPage } from './pages/route-error-page.tsx';
import { AppProvider } from './provider.tsx';
import { AppLayout } from './shell/app-shell.tsx';

function BrokenPage(): never {
  throw new Error('render failed');
}

describe('routing', () => {
  it('shows a localised 404 page inside the shell for an unknown address, with a way home', async () => {
    mockApi();
    const user = userEvent.setup();
    const { router } = renderApp('/gibt-es-nicht');

    expect(screen.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' })).toBeVisible();
    expect(screen.getByRole('main')).toContainElement(screen.getByRole('heading', { level: 1 }));
    expect(screen.getByRole('banner')).toHaveTextContent('Nano-Marktplatz');
    expect(document.title).toBe('Seite nicht gefunden – Nano-Marktplatz');

    await user.click(screen.getByRole('link', { name: 'Zur Startseite' }));

    expect(router.state.location.pathname).toBe('/');
    expect(await screen.findByRole('heading', { level: 3, name: 'Business Skills' })).toBeVisible();
  });

  it('marks the current page in the main navigation', () => {
    mockApi();
    renderApp('/');

    const navigation = screen.getByRole('navigation', { name: 'Hauptnavigation' });
    expect(navigation.querySelector('a')).toHaveAttribute('aria-current', 'page');
  });

  it('offers a skip link that moves focus to the main content', async () => {
    mockApi();
    const user = userEvent.setup();
    renderApp('/');

    await user.tab();
    const skipLink = screen.getByRole('link', { name: 'Zum Inhalt springen' });
    expect(skipLink).toHaveFocus();
    await user.keyboard('{Enter}');

    expect(screen.getByRole('main')).toHaveFocus();
  });

  it('shows a localised error message inside the shell when a page fails to render', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    mockApi();
    const router = createMemoryRouter([
      {
        element: <AppLayout />,
        children: [{ path: '/', element: <BrokenPage />, errorElement: <RouteErrorPage /> }],
      },
    ]);

    render(
      <AppProvider queryClient={new QueryClient()}>
        <RouterProvider router={router} />
      </AppProvider>,
    );

    expect(screen.getByRole('heading', { level: 1, name: 'Etwas ist schiefgelaufen' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Seite neu laden' })).toBeVisible();
    expect(screen.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
  });
});
