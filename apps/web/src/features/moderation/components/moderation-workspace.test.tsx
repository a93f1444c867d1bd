import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createCurrentUser, createQueueItem } from '../../../testing/factories.ts';
import { mockApi } from '../../../testing/mock-api.ts';
import { createOverview, createPerson } from '../../../testing/moderation-factories.ts';
import { renderApp } from '../../../testing/render-app.tsx';

const moderator = () =>
  createCurrentUser({
    id: crypto.randomUUID(),
    role: 'moderator',
    username: 'mod',
    displayName: 'Mo Derator',
  });
const emptyPage = () => ({ items: [], total: 0, page: 1, pageSize: 20 });

describe('moderation workspace', () => {
  it('opens the first queue and shows every queue as a tab with its count, SLA colour, icon and words', async () => {
    mockApi({
      'GET /api/v1/auth/me': moderator,
      'GET /api/v1/moderation/overview': () =>
        createOverview({ new: [3, 'overdue'], flags: [2, 'warning'], appeals: [1, 'ok'] }),
      'GET /api/v1/moderation/queue': emptyPage,
    });
    const { router } = renderApp('/moderation');

    expect(await screen.findByRole('heading', { level: 1, name: 'Moderation' })).toBeVisible();
    await waitFor(() => expect(router.state.location.pathname).toBe('/moderation/pruefungen/neu'));
    const tabs = screen.getByRole('tablist', { name: 'Warteschlangen' });
    const newTab = await within(tabs).findByRole('tab', {
      name: 'Neu: 3 offen, ältester Eintrag überfällig',
      selected: true,
    });
    expect(newTab.querySelector('[data-sla="overdue"]')?.getAttribute('style')).toContain(
      '--badge-bg: var(--mantine-color-red-9)',
    );
    expect(newTab.querySelector('[data-sla-icon="overdue"]')).not.toBeNull();
    const flagsTab = within(tabs).getByRole('tab', {
      name: 'Meldungen: 2 offen, ältester Eintrag bald fällig',
    });
    expect(flagsTab.querySelector('[data-sla="warning"]')?.getAttribute('style')).toContain(
      '--badge-bg: var(--mantine-color-orange-4)',
    );
    expect(
      within(tabs).getByRole('tab', { name: 'Einsprüche: 1 offen, ältester Eintrag im Zeitplan' }),
    ).toBeVisible();
    expect(within(tabs).getByRole('tab', { name: 'Aktualisierungen: keine offenen Einträge' })).toBeVisible();
    expect(
      within(tabs)
        .getAllByRole('tab')
        .map((tab) => tab.textContent?.replace(/\d+$/, '')),
    ).toEqual([
      'Neu',
      'Aktualisierungen',
      'Stichproben',
      'Meldungen',
      'Nachrichten',
      'Takedowns',
      'Einsprüche',
    ]);
    expect(screen.getByText('überfällig (über 48 Std.)')).toBeVisible();
    expect(await screen.findByText('Zurzeit wartet keine neue Einreichung auf eine Prüfung.')).toBeVisible();
  });

  it('lists a review queue oldest first with age, SLA and who holds each review; sorts and pages', async () => {
    const me = moderator();
    const colleague = createPerson({ displayName: 'Maria Moderatorin' });
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    const api = mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/moderation/overview': () => createOverview({ update: [45, 'overdue'] }),
      'GET /api/v1/moderation/queue': ({ url }) => ({
        items: [
          createQueueItem({
            title: 'Alt',
            ageHours: 73.5,
            sla: 'overdue',
            type: 'update',
            semver: '1.1.0',
            claim: { by: colleague, expiresAt: inAnHour },
          }),
          createQueueItem({ title: 'Mittel', ageHours: 30, sla: 'warning', type: 'update', claim: null }),
          createQueueItem({
            title: 'Frisch',
            ageHours: 0.4,
            sla: 'ok',
            type: 'update',
            claim: {
              by: { id: me.id, username: me.username, displayName: me.displayName },
              expiresAt: inAnHour,
            },
          }),
        ],
        total: 45,
        page: Number(url.searchParams.get('page')),
        pageSize: 20,
      }),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/moderation/pruefungen/aktualisierungen');

    expect(await screen.findByRole('heading', { level: 2, name: 'Aktualisierungen' })).toBeVisible();
    const table = await screen.findByRole('table', { name: 'Wartende Einreichungen, älteste zuerst' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[0]?.textContent)).toEqual([
      'Alt',
      'Mittel',
      'Frisch',
    ]);
    const badge = (row: HTMLElement) => row.querySelector('[data-sla]') as HTMLElement;
    expect(badge(rows[0] as HTMLElement)).toHaveTextContent('3 Tage · überfällig');
    expect(badge(rows[1] as HTMLElement)).toHaveTextContent('30 Std. · bald fällig');
    expect(badge(rows[2] as HTMLElement)).toHaveTextContent('< 1 Std. · im Zeitplan');
    expect(badge(rows[2] as HTMLElement).getAttribute('style')).toContain(
      '--badge-bg: var(--mantine-color-teal-9)',
    );
    expect(rows[0]).toHaveTextContent(/in Bearbeitung von Maria Moderatorin bis \d\d:\d\d/);
    expect(rows[1]).toHaveTextContent('frei');
    expect(rows[2]).toHaveTextContent(/von Ihnen bis \d\d:\d\d/);
    expect(screen.getByText('45 Einreichungen warten.')).toBeVisible();
    const first = api.callsTo('GET /api/v1/moderation/queue')[0]?.url.searchParams;
    expect([first?.get('type'), first?.get('sort'), first?.get('page')]).toEqual(['update', 'oldest', '1']);

    await user.click(screen.getByRole('button', { name: 'Seite 2' }));
    await waitFor(() => expect(router.state.location.search).toBe('?seite=2'));
    await waitFor(() =>
      expect(api.callsTo('GET /api/v1/moderation/queue').at(-1)?.url.searchParams.get('page')).toBe('2'),
    );

    await user.click(screen.getByRole('textbox', { name: 'Reihenfolge' }));
    await user.click(await screen.findByRole('option', { name: 'Neueste zuerst' }));
    await waitFor(() => expect(router.state.location.search).toBe('?sortierung=neueste'));
    expect(
      await screen.findByRole('table', { name: 'Wartende Einreichungen, neueste zuerst' }),
    ).toBeVisible();
    const last = api.callsTo('GET /api/v1/moderation/queue').at(-1)?.url.searchParams;
    expect([last?.get('sort'), last?.get('page')]).toEqual(['newest', '1']);
  });

  it('switches queues with the tabs', async () => {
    const api = mockApi({
      'GET /api/v1/auth/me': moderator,
      'GET /api/v1/moderation/overview': () => createOverview(),
      'GET /api/v1/moderation/queue': emptyPage,
      'GET /api/v1/moderation/takedowns': emptyPage,
    });
    const user = userEvent.setup();
    const { router } = renderApp('/moderation/pruefungen/neu');

    await user.click(await screen.findByRole('tab', { name: /^Stichproben/ }));
    expect(await screen.findByText('Zurzeit ist keine Stichprobe offen.')).toBeVisible();
    expect(router.state.location.pathname).toBe('/moderation/pruefungen/stichproben');
    expect(api.callsTo('GET /api/v1/moderation/queue').at(-1)?.url.searchParams.get('type')).toBe('sampled');

    await user.click(screen.getByRole('tab', { name: /^Takedowns/ }));
    expect(await screen.findByText('Zurzeit ist kein Takedown offen.')).toBeVisible();
    expect(router.state.location.pathname).toBe('/moderation/takedowns');
  });

  it('keeps consumers and creators out', async () => {
    const api = mockApi({ 'GET /api/v1/auth/me': () => createCurrentUser({ role: 'creator' }) });
    renderApp('/moderation');

    expect(await screen.findByRole('heading', { level: 1, name: 'Kein Zugriff' })).toBeVisible();
    expect(api.callsTo('GET /api/v1/moderation/overview')).toHaveLength(0);
  });

  it('offers one "Moderation" entry in the user menu', async () => {
    mockApi({ 'GET /api/v1/auth/me': moderator });
    const user = userEvent.setup();
    renderApp('/');

    await user.click(await screen.findByRole('button', { name: /^Benutzermenü/ }));
    expect(await screen.findByRole('menuitem', { name: 'Moderation' })).toHaveAttribute(
      'href',
      '/moderation',
    );
  });
});
