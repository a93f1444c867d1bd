import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createCurrentUser } from '../../../testing/factories.ts';
import { mockApi, problemResponse } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import { createOwnTakedown, hoursFromNow } from '../../../testing/trust-factories.ts';

const creator = {
  'GET /api/v1/auth/me': () => createCurrentUser({ username: 'bildungswerk', role: 'creator' }),
};

describe('notices about my Nanos', () => {
  it('shows the notice with complainant, work, original, the deadline counting down and the status', async () => {
    const notice = createOwnTakedown({ responseDueAt: hoursFromNow(5.5) });
    mockApi({ ...creator, 'GET /api/v1/me/takedown-notices': () => ({ items: [notice] }) });
    renderApp('/meine-nanos/beschwerden');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Beschwerden zu Ihren Nanos' }),
    ).toBeVisible();
    const card = await screen.findByRole('article', { name: 'Pivot-Tabellen in 10 Minuten' });
    expect(within(card).getByText('Wartet auf Ihre Stellungnahme')).toBeVisible();
    expect(card).toHaveTextContent('Verlag Beispiel GmbH');
    expect(card).toHaveTextContent('Lehrbuch „Excel für Profis“');
    expect(
      within(card).getByRole('link', { name: 'https://verlag.example/excel-fuer-profis' }),
    ).toHaveAttribute('rel', 'noopener noreferrer nofollow');
    expect(card).toHaveTextContent('(noch 5 Std. 30 Min.)');
    expect(within(card).getByRole('link', { name: 'Pivot-Tabellen in 10 Minuten' })).toHaveAttribute(
      'href',
      `/nanos/${notice.nano.id}`,
    );
  });

  it('sends the counter-notice and says it was received', async () => {
    const notice = createOwnTakedown();
    const api = mockApi({
      ...creator,
      'GET /api/v1/me/takedown-notices': () => ({ items: [notice] }),
      [`POST /api/v1/nanos/${notice.nano.id}/takedown-response`]: () => ({
        items: [{ ...notice, status: 'responded', response: { text: 'Eigenes Werk.', at: hoursFromNow(0) } }],
      }),
    });
    const user = userEvent.setup();
    renderApp('/meine-nanos/beschwerden');

    const card = await screen.findByRole('article', { name: 'Pivot-Tabellen in 10 Minuten' });
    const form = within(card).getByRole('form', { name: 'Stellungnahme zu „Pivot-Tabellen in 10 Minuten“' });
    const text = within(form).getByRole('textbox', { name: /Ihre Stellungnahme/ });
    await user.click(within(form).getByRole('button', { name: 'Stellungnahme senden' }));
    expect(await within(form).findByText('Bitte füllen Sie dieses Feld aus.')).toBeVisible();

    await user.type(text, 'Alle Abbildungen habe ich selbst erstellt; das Buch kenne ich nicht.');
    await user.click(within(form).getByRole('button', { name: 'Stellungnahme senden' }));

    expect(await within(card).findByRole('status')).toHaveTextContent('Ihre Stellungnahme ist eingegangen.');
    expect(api.callsTo(`POST /api/v1/nanos/${notice.nano.id}/takedown-response`)[0]?.body).toEqual({
      text: 'Alle Abbildungen habe ich selbst erstellt; das Buch kenne ich nicht.',
    });
    expect(await within(card).findByText('Stellungnahme eingegangen')).toBeVisible();
    expect(within(card).queryByRole('form')).not.toBeInTheDocument();
  });

  it('shows why a late answer was refused', async () => {
    const notice = createOwnTakedown();
    mockApi({
      ...creator,
      'GET /api/v1/me/takedown-notices': () => ({ items: [notice] }),
      [`POST /api/v1/nanos/${notice.nano.id}/takedown-response`]: () =>
        problemResponse(409, 'takedown_not_open', 'Die Frist für eine Stellungnahme ist abgelaufen.'),
    });
    const user = userEvent.setup();
    renderApp('/meine-nanos/beschwerden');

    const card = await screen.findByRole('article', { name: 'Pivot-Tabellen in 10 Minuten' });
    await user.type(
      within(card).getByRole('textbox', { name: /Ihre Stellungnahme/ }),
      'Eigenes Werk, siehe Impressum.',
    );
    await user.click(within(card).getByRole('button', { name: 'Stellungnahme senden' }));
    expect(await within(card).findByRole('alert')).toHaveTextContent(
      'Die Frist für eine Stellungnahme ist abgelaufen.',
    );
  });

  it('lists open notices first and offers no form for decided or overdue ones', async () => {
    mockApi({
      ...creator,
      'GET /api/v1/me/takedown-notices': () => ({
        items: [
          createOwnTakedown({
            nano: { ...createOwnTakedown().nano, title: 'Archiviert' },
            status: 'expired',
            responseDueAt: hoursFromNow(-30),
            decidedAt: hoursFromNow(-29),
          }),
          createOwnTakedown({
            nano: { ...createOwnTakedown().nano, title: 'Überfällig' },
            responseDueAt: hoursFromNow(-0.1),
          }),
        ],
      }),
    });
    renderApp('/meine-nanos/beschwerden');

    const cards = await screen.findAllByRole('article');
    expect(cards.map((card) => within(card).getByRole('heading').textContent)).toEqual([
      'Überfällig',
      'Archiviert',
    ]);
    expect(cards[0]).toHaveTextContent('(Frist abgelaufen)');
    expect(cards[1]).toHaveTextContent('Innerhalb der Frist ist keine Stellungnahme eingegangen');
    expect(
      within(cards[1] as HTMLElement).getByRole('link', { name: /Meine Entscheidungen/ }),
    ).toHaveAttribute('href', '/meine-entscheidungen');
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
  });

  it('says so when there are none', async () => {
    mockApi({ ...creator, 'GET /api/v1/me/takedown-notices': () => ({ items: [] }) });
    renderApp('/meine-nanos/beschwerden');

    expect(await screen.findByRole('heading', { level: 2, name: 'Keine Beschwerden' })).toBeVisible();
  });
});
