import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createCurrentUser } from '../../../testing/factories.ts';
import { mockApi, problemResponse } from '../../../testing/mock-api.ts';
import { pageOf } from '../../../testing/rating-factories.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import { createDecision, hoursFromNow } from '../../../testing/trust-factories.ts';

const signedIn = {
  'GET /api/v1/auth/me': () => createCurrentUser({ username: 'bildungswerk', role: 'creator' }),
};

async function findDecision(name: RegExp | string) {
  return screen.findByRole('article', { name });
}

describe('my decisions page', () => {
  it('shows the statement of reasons: action, rules with their text, facts, automation, appeal period', async () => {
    const decision = createDecision({ reasons: ['copyright', 'misleading'] });
    mockApi({ ...signedIn, 'GET /api/v1/me/moderation-decisions': () => pageOf([decision]) });
    renderApp('/meine-entscheidungen');

    expect(await screen.findByRole('heading', { level: 1, name: 'Meine Entscheidungen' })).toBeVisible();
    const card = await findDecision('Nano „Pivot-Tabellen in 10 Minuten“');
    expect(within(card).getByText('Entfernung (archiviert)')).toBeVisible();
    expect(within(card).getByText('Meldung durch Nutzende')).toBeVisible();
    expect(card).toHaveTextContent(
      'Urheberrecht: Inhalte dürfen nur veröffentlicht werden, wenn Sie die Rechte daran besitzen',
    );
    expect(card).toHaveTextContent('Irreführend: Beschreibung und Inhalt müssen übereinstimmen');
    expect(card).toHaveTextContent('Die Folien 3 bis 7 stammen aus einem Lehrbuch');
    expect(card).toHaveTextContent('Nein – eine Person aus der Moderation hat entschieden.');
    expect(card).toHaveTextContent(/Sie können bis .+ einmal Einspruch einlegen/);
    expect(within(card).getByRole('link', { name: 'Nano „Pivot-Tabellen in 10 Minuten“' })).toHaveAttribute(
      'href',
      `/nanos/${decision.targetId}`,
    );
    expect(document.title).toBe('Meine Entscheidungen – Nano-Marktplatz');
  });

  it('sends an appeal once it is long enough, then shows it as received', async () => {
    const decision = createDecision();
    const api = mockApi({
      ...signedIn,
      'GET /api/v1/me/moderation-decisions': [
        () => pageOf([decision]),
        () =>
          pageOf([
            { ...decision, appeal: { id: crypto.randomUUID(), status: 'open', createdAt: hoursFromNow(0) } },
          ]),
      ],
      'POST /api/v1/appeals': (request) =>
        new Response(
          JSON.stringify({
            id: crypto.randomUUID(),
            decision,
            appellant: null,
            text: (request.body as { text: string }).text,
            status: 'open',
            createdAt: new Date().toISOString(),
            decidedAt: null,
            outcomeStatement: null,
            originalModerator: null,
            ageHours: 0,
            sla: 'ok',
          }),
          { status: 201, headers: { 'Content-Type': 'application/json' } },
        ),
    });
    const user = userEvent.setup();
    renderApp('/meine-entscheidungen');

    const card = await findDecision('Nano „Pivot-Tabellen in 10 Minuten“');
    await user.click(within(card).getByRole('button', { name: 'Einspruch einlegen' }));
    const form = within(card).getByRole('form', { name: /Einspruch gegen: Entfernung \(archiviert\)/ });
    const text = within(form).getByRole('textbox', { name: /Ihre Begründung/ });
    await user.type(text, 'Zu kurz');
    await user.click(within(form).getByRole('button', { name: 'Einspruch senden' }));
    expect(await within(form).findByText('Mindestens 10 Zeichen.')).toBeVisible();
    expect(api.callsTo('POST /api/v1/appeals')).toHaveLength(0);

    await user.type(text, ', aber das Buch ist von mir selbst und gemeinfrei.');
    await user.click(within(form).getByRole('button', { name: 'Einspruch senden' }));

    expect(await within(card).findByRole('status')).toHaveTextContent('Ihr Einspruch ist eingegangen.');
    expect(api.callsTo('POST /api/v1/appeals')[0]?.body).toEqual({
      decisionId: decision.id,
      text: 'Zu kurz, aber das Buch ist von mir selbst und gemeinfrei.',
    });
  });

  it('shows the server’s refusal of an appeal at the form', async () => {
    mockApi({
      ...signedIn,
      'GET /api/v1/me/moderation-decisions': () => pageOf([createDecision()]),
      'POST /api/v1/appeals': () =>
        problemResponse(409, 'appeal_period_over', 'Die Einspruchsfrist ist abgelaufen.'),
    });
    const user = userEvent.setup();
    renderApp('/meine-entscheidungen');

    const card = await findDecision('Nano „Pivot-Tabellen in 10 Minuten“');
    await user.click(within(card).getByRole('button', { name: 'Einspruch einlegen' }));
    await user.type(
      within(card).getByRole('textbox', { name: /Ihre Begründung/ }),
      'Das war mein eigenes Werk.',
    );
    await user.click(within(card).getByRole('button', { name: 'Einspruch senden' }));

    expect(await within(card).findByRole('alert')).toHaveTextContent('Die Einspruchsfrist ist abgelaufen.');
  });

  it('offers no appeal once appealed, after the period, or for decisions that restrict nothing', async () => {
    mockApi({
      ...signedIn,
      'GET /api/v1/me/moderation-decisions': () =>
        pageOf([
          createDecision({
            targetLabel: 'Eingelegt',
            appeal: { id: crypto.randomUUID(), status: 'reversed', createdAt: hoursFromNow(-20) },
          }),
          createDecision({ targetLabel: 'Zu spät', appealableUntil: hoursFromNow(-1) }),
          createDecision({
            targetLabel: 'Wiederhergestellt',
            action: 'restore',
            source: 'appeal',
            automated: true,
            reasons: [],
            appealableUntil: null,
          }),
        ]),
    });
    renderApp('/meine-entscheidungen');

    const appealed = await findDecision('Nano „Eingelegt“');
    expect(appealed).toHaveTextContent(
      /Ihr Einspruch vom .+ war erfolgreich: Die Entscheidung wurde aufgehoben./,
    );
    expect(await findDecision('Nano „Zu spät“')).toHaveTextContent(
      /Die Einspruchsfrist ist am .+ abgelaufen./,
    );
    // A restoration restricts nothing: no rules, no appeal, only what there is to say.
    const restored = await findDecision('Nano „Wiederhergestellt“');
    expect(within(restored).getByText('Wiederherstellung')).toBeVisible();
    expect(restored).toHaveTextContent('Die Folien 3 bis 7');
    expect(restored).toHaveTextContent('Ja – die Maßnahme wurde automatisch erkannt oder ausgelöst');
    expect(restored).not.toHaveTextContent('Angewandte Regeln');
    expect(within(restored).queryByText('Einspruch', { selector: 'dt' })).not.toBeInTheDocument();
    expect(within(restored).getByText('Einspruch', { selector: 'dd' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Einspruch einlegen' })).not.toBeInTheDocument();
    expect(screen.getByText('3 Entscheidungen')).toBeVisible();
  });

  it('says so when nothing was decided', async () => {
    mockApi({ ...signedIn, 'GET /api/v1/me/moderation-decisions': () => pageOf([]) });
    renderApp('/meine-entscheidungen');

    expect(await screen.findByRole('heading', { level: 2, name: 'Keine Entscheidungen' })).toBeVisible();
  });

  it('is in the user menu', async () => {
    mockApi({ ...signedIn, 'GET /api/v1/me/moderation-decisions': () => pageOf([]) });
    const user = userEvent.setup();
    renderApp('/');

    await user.click(await screen.findByRole('button', { name: /Benutzermenü/ }));
    expect(await screen.findByRole('menuitem', { name: 'Meine Entscheidungen' })).toHaveAttribute(
      'href',
      '/meine-entscheidungen',
    );
    expect(screen.getByRole('menuitem', { name: 'Beschwerden zu Nanos' })).toHaveAttribute(
      'href',
      '/meine-nanos/beschwerden',
    );
  });
});
