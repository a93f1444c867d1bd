import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createCurrentUser, createSession } from '../../../testing/factories.ts';
import { mockApi } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';

const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0';

describe('account › Sitzungen', () => {
  it('lists the devices with "this device" first, and signs another one out', async () => {
    const here = createSession({ current: true, ip: '198.51.100.0' });
    const other = createSession({ userAgent: FIREFOX_WINDOWS, lastUsedAt: '2025-05-03T10:00:00.000Z' });
    const api = mockApi({
      'GET /api/v1/auth/me': () => createCurrentUser(),
      'GET /api/v1/auth/sessions': [() => ({ items: [other, here] }), () => ({ items: [here] })],
      [`DELETE /api/v1/auth/sessions/${other.id}`]: () => new Response(null, { status: 204 }),
    });
    const user = userEvent.setup();
    renderApp('/konto/sitzungen');

    const region = await screen.findByRole('region', { name: 'Angemeldete Geräte' });
    const items = await within(region).findAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Chrome unter Linux');
    expect(items[0]).toHaveTextContent('Dieses Gerät');
    expect(items[0]).toHaveTextContent('IP-Adresse (gekürzt): 198.51.100.0');
    expect(within(items[0] as HTMLElement).queryByRole('button')).not.toBeInTheDocument();
    expect(items[1]).toHaveTextContent('Firefox unter Windows');
    expect(items[1]).toHaveTextContent(/Zuletzt aktiv: 03\.05\.2025/);

    await user.click(
      within(items[1] as HTMLElement).getByRole('button', { name: 'Firefox unter Windows abmelden' }),
    );

    expect(await within(region).findByRole('status')).toHaveTextContent(
      'Firefox unter Windows wurde abgemeldet.',
    );
    expect(await within(region).findAllByRole('listitem')).toHaveLength(1);
    expect(api.callsTo(`DELETE /api/v1/auth/sessions/${other.id}`)).toHaveLength(1);
  });

  it('logs out everywhere after a confirmation and shows the login page with a note', async () => {
    const api = mockApi({
      'GET /api/v1/auth/me': () => createCurrentUser(),
      'GET /api/v1/auth/sessions': () => ({ items: [createSession({ current: true })] }),
      'POST /api/v1/auth/logout-all': () => new Response(null, { status: 204 }),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/konto/sitzungen');

    const region = await screen.findByRole('region', { name: 'Überall abmelden' });
    await user.click(within(region).getByRole('button', { name: 'Überall abmelden' }));
    await user.click(within(region).getByRole('button', { name: 'Ja, überall abmelden' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent('Sie wurden auf allen Geräten abgemeldet.');
    expect(router.state.location.pathname).toBe('/anmelden');
    expect(api.callsTo('POST /api/v1/auth/logout-all')).toHaveLength(1);
  });

  it('switches tabs with the keyboard and keeps the tab in the address', async () => {
    mockApi({
      'GET /api/v1/auth/me': () => createCurrentUser(),
      'GET /api/v1/me/profile': () => ({}),
      'GET /api/v1/auth/sessions': () => ({ items: [] }),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/konto/sitzungen');

    const tab = await screen.findByRole('tab', { name: 'Sitzungen', selected: true });
    tab.focus();
    await user.keyboard('{ArrowLeft}');

    expect(screen.getByRole('tab', { name: 'Sicherheit', selected: true })).toHaveFocus();
    expect(router.state.location.pathname).toBe('/konto/sicherheit');
  });
});
