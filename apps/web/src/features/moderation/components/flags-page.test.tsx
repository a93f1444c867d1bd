import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createCurrentUser } from '../../../testing/factories.ts';
import { mockApi } from '../../../testing/mock-api.ts';
import {
  createDecision,
  createFlagDetail,
  createFlagQueueItem,
  createOverview,
  createPerson,
} from '../../../testing/moderation-factories.ts';
import { renderApp } from '../../../testing/render-app.tsx';

const moderator = () => createCurrentUser({ id: crypto.randomUUID(), role: 'moderator' });
const page = <T,>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 20 });

describe('flags', () => {
  it('lists flagged targets with kind, reasons, count and SLA; filters by status and kind', async () => {
    const rating = createFlagQueueItem();
    const api = mockApi({
      'GET /api/v1/auth/me': moderator,
      'GET /api/v1/moderation/overview': () => createOverview({ flags: [1, 'warning'] }),
      'GET /api/v1/moderation/flags': ({ url }) =>
        url.searchParams.get('status') === 'resolved' ? page([]) : page([rating]),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/moderation/meldungen');

    const table = await screen.findByRole('table', { name: 'Offene Meldungen, älteste zuerst' });
    const row = within(table).getAllByRole('row')[1] as HTMLElement;
    expect(
      within(row).getByRole('link', { name: 'Totaler Schrott, der Autor ist ein Idiot' }),
    ).toHaveAttribute('href', `/moderation/meldungen/${rating.id}`);
    expect(row).toHaveTextContent('von Bert Böse');
    expect(row).toHaveTextContent('Bewertung');
    expect(row).toHaveTextContent('Belästigung oder Beleidigung (2)');
    expect(row).toHaveTextContent('2 Meldungen');
    expect(row.querySelector('[data-sla="warning"]')).toHaveTextContent('30 Std. · bald fällig');

    await user.click(screen.getByRole('textbox', { name: 'Art des Inhalts' }));
    await user.click(await screen.findByRole('option', { name: 'Nachricht' }));
    await waitFor(() => expect(router.state.location.search).toBe('?art=message'));
    await waitFor(() =>
      expect(api.callsTo('GET /api/v1/moderation/flags').at(-1)?.url.searchParams.get('targetType')).toBe(
        'message',
      ),
    );

    await user.click(screen.getByRole('textbox', { name: 'Status' }));
    await user.click(await screen.findByRole('option', { name: 'Erledigt' }));
    expect(await screen.findByText('Es gibt noch keine erledigten Meldungen.')).toBeVisible();
    expect(router.state.location.search).toBe('?status=erledigt&art=message');
  });

  it('shows a flagged message in its conversation, the reports and the owner history', async () => {
    const detail = createFlagDetail({
      target: {
        type: 'message',
        id: crypto.randomUUID(),
        label: 'Du bist dumm',
        owner: createPerson({ username: 'bert', displayName: 'Bert Böse' }),
        nanoId: null,
        exists: true,
      },
      context: {
        text: 'Du bist dumm',
        messages: [
          {
            id: crypto.randomUUID(),
            sender: 'Anna Beispiel',
            text: 'Wann passt es?',
            createdAt: '2026-05-03T07:00:00.000Z',
            flagged: false,
          },
          {
            id: crypto.randomUUID(),
            sender: 'Bert Böse',
            text: 'Du bist dumm',
            createdAt: '2026-05-03T07:01:00.000Z',
            flagged: true,
          },
          {
            id: crypto.randomUUID(),
            sender: 'Anna Beispiel',
            text: 'Bitte nicht so.',
            createdAt: '2026-05-03T07:02:00.000Z',
            flagged: false,
          },
        ],
      },
      ownerHistory: [
        createDecision({
          action: 'warn',
          targetType: 'message',
          targetLabel: 'Idiot!',
          reasons: ['harassment'],
        }),
      ],
    });
    mockApi({
      'GET /api/v1/auth/me': moderator,
      [`GET /api/v1/moderation/flags/${detail.id}`]: () => detail,
    });
    renderApp(`/moderation/meldungen/${detail.id}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Meldung: Du bist dumm' })).toBeVisible();
    const content = screen.getByRole('region', { name: 'Gemeldeter Inhalt' });
    const messages = within(content).getAllByRole('listitem');
    expect(messages.map((message) => message.hasAttribute('data-flagged'))).toEqual([false, true, false]);
    expect(within(messages[1] as HTMLElement).getByText('gemeldete Nachricht')).toBeVisible();
    expect(messages[1]).toHaveAttribute('aria-current', 'true');
    expect(within(content).getByRole('link', { name: 'Profil von Bert Böse öffnen' })).toHaveAttribute(
      'href',
      '/nutzer/bert',
    );
    const reports = screen.getByRole('region', { name: 'Meldungen (2)' });
    expect(reports).toHaveTextContent('Beleidigt den Anbieter');
    expect(reports).toHaveTextContent(/Anna Beispiel · /);
    const history = screen.getByRole('region', { name: 'Frühere Entscheidungen zu dieser Person' });
    expect(history).toHaveTextContent('Verwarnung');
    expect(history).toHaveTextContent('Belästigung');
    expect(screen.getByText('Diese Ansicht wird protokolliert.')).toBeVisible();
  });

  it('resolves a flagged rating: a restriction needs a reason and a statement', async () => {
    const detail = createFlagDetail();
    const api = mockApi({
      'GET /api/v1/auth/me': moderator,
      'GET /api/v1/moderation/overview': () => createOverview(),
      'GET /api/v1/moderation/flags': () => page([]),
      [`GET /api/v1/moderation/flags/${detail.id}`]: () => detail,
      [`POST /api/v1/moderation/flags/${detail.id}/resolve`]: () => ({}),
    });
    const user = userEvent.setup();
    const { router } = renderApp(`/moderation/meldungen/${detail.id}`);

    const content = await screen.findByRole('region', { name: 'Gemeldeter Inhalt' });
    expect(content).toHaveTextContent('Bewertung:1 von 5 Sternen');
    expect(within(content).getByRole('link', { name: 'Zum Nano' })).toHaveAttribute(
      'href',
      `/nanos/${detail.target.nanoId}`,
    );
    const form = screen.getByRole('form', { name: 'Entscheidung' });
    expect(
      within(form)
        .getAllByRole('radio')
        .map((radio) => radio.getAttribute('value')),
    ).toEqual(['none', 'warning', 'hide', 'delete']);
    await user.click(within(form).getByRole('button', { name: 'Meldung abschließen' }));
    expect(await within(form).findByText('Bitte wählen Sie eine Maßnahme.')).toBeVisible();

    await user.click(within(form).getByRole('radio', { name: /^Ausblenden/ }));
    await user.click(within(form).getByRole('button', { name: 'Meldung abschließen' }));
    expect(
      await within(form).findByText('Für eine Maßnahme wählen Sie mindestens eine Begründung.'),
    ).toBeVisible();
    expect(within(form).getByText('Für eine Maßnahme beschreiben Sie bitte den Sachverhalt.')).toBeVisible();
    expect(api.callsTo(`POST /api/v1/moderation/flags/${detail.id}/resolve`)).toHaveLength(0);

    await user.click(within(form).getByRole('textbox', { name: /Begründungen \(Regeln\)/ }));
    await user.click(await screen.findByRole('option', { name: 'Belästigung' }));
    await user.type(
      within(form).getByRole('textbox', { name: /Begründung \(Sachverhalt\)/ }),
      'Beleidigt den Anbieter.',
    );
    await user.click(within(form).getByRole('button', { name: 'Meldung abschließen' }));

    expect(
      await screen.findByText('Die Meldung zu „Totaler Schrott, der Autor ist ein Idiot“ ist abgeschlossen.'),
    ).toBeVisible();
    expect(router.state.location.pathname).toBe('/moderation/meldungen');
    expect(api.callsTo(`POST /api/v1/moderation/flags/${detail.id}/resolve`)[0]?.body).toEqual({
      action: 'hide',
      reasons: ['harassment'],
      statement: 'Beleidigt den Anbieter.',
    });
  });

  it('suspends a flagged user until a day in the future', async () => {
    const detail = createFlagDetail({
      target: {
        type: 'user',
        id: crypto.randomUUID(),
        label: 'Spam-Versand GmbH',
        owner: createPerson({ username: 'spam', displayName: 'Spam-Versand GmbH' }),
        nanoId: null,
        exists: true,
      },
      context: { text: 'Billige Kurse! Jetzt klicken!' },
      allowedActions: ['none', 'warning', 'suspend'],
    });
    const api = mockApi({
      'GET /api/v1/auth/me': moderator,
      'GET /api/v1/moderation/overview': () => createOverview(),
      'GET /api/v1/moderation/flags': () => page([]),
      [`GET /api/v1/moderation/flags/${detail.id}`]: () => detail,
      [`POST /api/v1/moderation/flags/${detail.id}/resolve`]: () => ({}),
    });
    const user = userEvent.setup();
    const { router } = renderApp(`/moderation/meldungen/${detail.id}`);

    const form = await screen.findByRole('form', { name: 'Entscheidung' });
    expect(screen.getByText('Billige Kurse! Jetzt klicken!')).toBeVisible();
    await user.click(within(form).getByRole('radio', { name: /^Konto sperren/ }));
    const until = within(form).getByLabelText('Gesperrt bis');
    await user.type(until, '2020-01-01');
    await user.click(within(form).getByRole('textbox', { name: /Begründungen \(Regeln\)/ }));
    await user.click(await screen.findByRole('option', { name: 'Spam und Werbung' }));
    await user.type(
      within(form).getByRole('textbox', { name: /Begründung \(Sachverhalt\)/ }),
      'Massenwerbung.',
    );
    await user.click(within(form).getByRole('button', { name: 'Meldung abschließen' }));
    expect(await within(form).findByText('Das Datum muss in der Zukunft liegen.')).toBeVisible();

    await user.clear(until);
    await user.type(until, '2099-12-31');
    await user.click(within(form).getByRole('button', { name: 'Meldung abschließen' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/moderation/meldungen'));
    const body = api.callsTo(`POST /api/v1/moderation/flags/${detail.id}/resolve`)[0]?.body as Record<
      string,
      unknown
    >;
    expect(body).toMatchObject({ action: 'suspend', reasons: ['spam'], statement: 'Massenwerbung.' });
    expect(new Date(body.suspendUntil as string).getFullYear()).toBe(2099);
  });

  it('closes an unfounded flag without reasons or statement', async () => {
    const detail = createFlagDetail();
    const api = mockApi({
      'GET /api/v1/auth/me': moderator,
      'GET /api/v1/moderation/overview': () => createOverview(),
      'GET /api/v1/moderation/flags': () => page([]),
      [`GET /api/v1/moderation/flags/${detail.id}`]: () => detail,
      [`POST /api/v1/moderation/flags/${detail.id}/resolve`]: () => ({}),
    });
    const user = userEvent.setup();
    renderApp(`/moderation/meldungen/${detail.id}`);

    const form = await screen.findByRole('form', { name: 'Entscheidung' });
    await user.click(within(form).getByRole('radio', { name: /^Keine Maßnahme/ }));
    expect(within(form).getByRole('textbox', { name: /Begründungen \(Regeln\)/ })).toBeDisabled();
    await user.click(within(form).getByRole('button', { name: 'Meldung abschließen' }));

    expect(
      await screen.findByText('Die Meldung zu „Totaler Schrott, der Autor ist ein Idiot“ ist abgeschlossen.'),
    ).toBeVisible();
    expect(api.callsTo(`POST /api/v1/moderation/flags/${detail.id}/resolve`)[0]?.body).toEqual({
      action: 'none',
      reasons: [],
      statement: '',
    });
  });
});
