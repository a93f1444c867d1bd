import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createCurrentUser } from '../../../testing/factories.ts';
import { mockApi } from '../../../testing/mock-api.ts';
import {
  createAppeal,
  createDecision,
  createOverview,
  createPerson,
} from '../../../testing/moderation-factories.ts';
import { renderApp } from '../../../testing/render-app.tsx';

const me = createCurrentUser({
  id: crypto.randomUUID(),
  role: 'moderator',
  username: 'mod',
  displayName: 'Mo Derator',
});
const page = <T,>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 20 });

describe('appeals', () => {
  it('shows the original decision and the appeal, and decides it with a statement', async () => {
    const appeal = createAppeal();
    const api = mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/moderation/overview': () => createOverview({ appeals: [1, 'ok'] }),
      'GET /api/v1/moderation/appeals': () => page([appeal]),
      [`POST /api/v1/moderation/appeals/${appeal.id}/decide`]: () => ({}),
    });
    const user = userEvent.setup();
    renderApp('/moderation/einsprueche');

    const item = await screen.findByRole('listitem', { name: 'Einspruch zu „Pivot-Tabellen in 10 Minuten“' });
    expect(item).toHaveTextContent(/Ursprüngliche Entscheidung · Maria Moderatorin · /);
    expect(item).toHaveTextContent('Archiviert');
    expect(item).toHaveTextContent('Anlass: Meldung');
    expect(item).toHaveTextContent('Zitierte Regeln: Urheberrecht');
    expect(item).toHaveTextContent('Die Folien 3 bis 7 stammen aus einem fremden Lehrbuch.');
    expect(item).toHaveTextContent(/Einspruch von Clara Creator · eingegangen am /);
    expect(item).toHaveTextContent('Die Folien habe ich selbst erstellt');

    await user.click(within(item).getByRole('button', { name: 'Entscheiden' }));
    const form = within(item).getByRole('form', { name: 'Entscheiden' });
    await user.click(within(form).getByRole('button', { name: 'Entscheidung speichern' }));
    expect(await within(form).findByText('Bitte wählen Sie ein Ergebnis.')).toBeVisible();
    expect(within(form).getByText('Bitte begründen Sie die Entscheidung.')).toBeVisible();
    await user.click(within(form).getByRole('radio', { name: /^Aufheben/ }));
    await user.type(
      within(form).getByRole('textbox', { name: /^Begründung/ }),
      'Der Entwurf belegt die Urheberschaft.',
    );
    await user.click(within(form).getByRole('button', { name: 'Entscheidung speichern' }));

    expect(
      await screen.findByText(
        'Der Einspruch zu „Pivot-Tabellen in 10 Minuten“ war erfolgreich; die Maßnahme ist aufgehoben.',
      ),
    ).toBeVisible();
    expect(api.callsTo(`POST /api/v1/moderation/appeals/${appeal.id}/decide`)[0]?.body).toEqual({
      outcome: 'reverse',
      statement: 'Der Entwurf belegt die Urheberschaft.',
    });
  });

  it('does not let the original moderator decide, and says why', async () => {
    const appeal = createAppeal({
      originalModerator: createPerson({ id: me.id, displayName: me.displayName }),
    });
    mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/moderation/overview': () => createOverview({ appeals: [1, 'ok'] }),
      'GET /api/v1/moderation/appeals': () => page([appeal]),
    });
    renderApp('/moderation/einsprueche');

    const item = await screen.findByRole('listitem', { name: 'Einspruch zu „Pivot-Tabellen in 10 Minuten“' });
    expect(within(item).getByRole('button', { name: 'Entscheiden' })).toBeDisabled();
    expect(item).toHaveTextContent(
      'Sie haben die ursprüngliche Entscheidung getroffen. Über den Einspruch muss eine andere Moderatorin oder ein anderer Moderator entscheiden.',
    );
  });

  it('lists decided appeals with their outcome', async () => {
    const appeal = createAppeal({
      status: 'upheld',
      decidedAt: '2026-05-05T09:00:00.000Z',
      outcomeStatement: 'Die Rechte sind nicht belegt.',
      decision: createDecision({ automated: true, appeal: null }),
      originalModerator: null,
    });
    const api = mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/moderation/overview': () => createOverview(),
      'GET /api/v1/moderation/appeals': ({ url }) =>
        url.searchParams.get('status') === 'decided' ? page([appeal]) : page([]),
    });
    renderApp('/moderation/einsprueche?status=entschieden');

    const item = await screen.findByRole('listitem', { name: 'Einspruch zu „Pivot-Tabellen in 10 Minuten“' });
    expect(item).toHaveTextContent('Entscheidung bestätigt');
    expect(item).toHaveTextContent(/Ursprüngliche Entscheidung · automatisiert · /);
    expect(item).toHaveTextContent('Automatisiert erkannt oder entschieden');
    expect(item).toHaveTextContent('Die Rechte sind nicht belegt.');
    expect(within(item).queryByRole('button', { name: 'Entscheiden' })).toBeNull();
    expect(api.callsTo('GET /api/v1/moderation/appeals')[0]?.url.searchParams.get('status')).toBe('decided');
  });
});
