import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createCurrentUser } from '../../../testing/factories.ts';
import { mockApi } from '../../../testing/mock-api.ts';
import { createOverview, createTakedown } from '../../../testing/moderation-factories.ts';
import { renderApp } from '../../../testing/render-app.tsx';

const moderator = () => createCurrentUser({ id: crypto.randomUUID(), role: 'moderator' });
const page = <T,>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 20 });

describe('takedowns', () => {
  it('lists open notices with complainant, work, original, deadline countdown and the creator’s response', async () => {
    const waiting = createTakedown();
    const answered = createTakedown({
      nano: { ...createTakedown().nano, title: 'Word-Serienbriefe' },
      status: 'responded',
      response: { text: 'Die Grafik ist von mir, Entwurf anbei.', at: '2026-05-04T10:00:00.000Z' },
    });
    const api = mockApi({
      'GET /api/v1/auth/me': moderator,
      'GET /api/v1/moderation/overview': () => createOverview({ takedowns: [2, 'ok'] }),
      'GET /api/v1/moderation/takedowns': ({ url }) =>
        url.searchParams.get('status') === 'decided' ? page([]) : page([waiting, answered]),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/moderation/takedowns');

    const first = await screen.findByRole('listitem', { name: 'Excel-Basics' });
    expect(within(first).getByRole('link', { name: 'Excel-Basics' })).toHaveAttribute(
      'href',
      `/nanos/${waiting.nano.id}`,
    );
    expect(first).toHaveTextContent('von Clara Creator');
    expect(first).toHaveTextContent('Gesperrt – wird geprüft');
    expect(first).toHaveTextContent('Wartet auf Stellungnahme');
    expect(first).toHaveTextContent('Verlag Muster GmbH');
    expect(within(first).getByRole('link', { name: 'recht@verlag-muster.example' })).toHaveAttribute(
      'href',
      'mailto:recht@verlag-muster.example',
    );
    expect(first).toHaveTextContent('Lehrbuch „Tabellenkalkulation für alle“, Kapitel 3');
    expect(first).toHaveTextContent('https://verlag-muster.example/buecher/tabellen');
    expect(first).toHaveTextContent(/noch (39|40) Std\. \(bis /);
    expect(first).toHaveTextContent('Noch keine Stellungnahme.');
    const second = screen.getByRole('listitem', { name: 'Word-Serienbriefe' });
    expect(second).toHaveTextContent('Stellungnahme liegt vor');
    expect(second).toHaveTextContent('Die Grafik ist von mir, Entwurf anbei.');

    await user.click(screen.getByRole('textbox', { name: 'Status' }));
    await user.click(await screen.findByRole('option', { name: 'Entschieden' }));
    expect(await screen.findByText('Es gibt noch keine entschiedenen Takedowns.')).toBeVisible();
    expect(router.state.location.search).toBe('?status=entschieden');
    expect(api.callsTo('GET /api/v1/moderation/takedowns').at(-1)?.url.searchParams.get('status')).toBe(
      'decided',
    );
  });

  it('decides a notice: an outcome and a statement are required', async () => {
    const takedown = createTakedown({
      status: 'responded',
      response: { text: 'Alles meins.', at: '2026-05-04T10:00:00.000Z' },
    });
    let decided = false;
    const api = mockApi({
      'GET /api/v1/auth/me': moderator,
      'GET /api/v1/moderation/overview': () => createOverview({ takedowns: [1, 'ok'] }),
      'GET /api/v1/moderation/takedowns': () => page(decided ? [] : [takedown]),
      [`POST /api/v1/moderation/takedowns/${takedown.id}/decide`]: () => {
        decided = true;
        return {};
      },
    });
    const user = userEvent.setup();
    renderApp('/moderation/takedowns');

    const item = await screen.findByRole('listitem', { name: 'Excel-Basics' });
    await user.click(within(item).getByRole('button', { name: 'Entscheiden' }));
    const form = within(item).getByRole('form', { name: 'Entscheidung zu „Excel-Basics“' });
    expect(within(form).getByText('Urheberrecht')).toBeVisible();
    await user.click(within(form).getByRole('button', { name: 'Entscheidung speichern' }));
    expect(await within(form).findByText('Bitte wählen Sie ein Ergebnis.')).toBeVisible();
    expect(within(form).getByText('Bitte begründen Sie die Entscheidung.')).toBeVisible();

    await user.click(within(form).getByRole('radio', { name: /Hinweis bestätigen/ }));
    await user.type(
      within(form).getByRole('textbox', { name: /^Begründung(?!en)/ }),
      'Die Folien sind aus dem Lehrbuch.',
    );
    await user.click(within(form).getByRole('button', { name: 'Entscheidung speichern' }));

    expect(
      await screen.findByText('Der Hinweis zu „Excel-Basics“ wurde bestätigt; der Nano ist archiviert.'),
    ).toBeVisible();
    expect(api.callsTo(`POST /api/v1/moderation/takedowns/${takedown.id}/decide`)[0]?.body).toEqual({
      outcome: 'uphold',
      reasons: ['copyright'],
      statement: 'Die Folien sind aus dem Lehrbuch.',
    });
    await waitFor(() => expect(screen.getByText('Zurzeit ist kein Takedown offen.')).toBeVisible());
  });
});
