import type { Appeal, ModerationDecision } from '@nano/contracts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi, problemResponse } from '../../../testing/mock-api.ts';
import { jsonResponse, renderApp } from '../../../testing/render-app.tsx';
import { createDecision, hoursFromNow } from '../../../testing/trust-factories.ts';

const DECISION_ID = '0199a000-0000-7000-8000-000000000001';
const TOKEN = `${DECISION_ID}.1767225600000.${'m'.repeat(43)}`;
const LINK = `GET /api/v1/appeal-links/${TOKEN}`;
const POST = `POST /api/v1/appeal-links/${TOKEN}`;
const TEXT = 'Ich habe niemanden beleidigt; das Zitat stammt aus einem Film.';

function suspension(overrides: Partial<ModerationDecision> = {}): ModerationDecision {
  return createDecision({
    id: DECISION_ID,
    targetType: 'user',
    targetLabel: 'Troll',
    action: 'suspend',
    reasons: ['harassment'],
    statement: 'Wiederholte Beleidigungen im Chat.',
    ...overrides,
  });
}

function appealOf(decision: ModerationDecision, text: string): Appeal {
  return {
    id: crypto.randomUUID(),
    decision: {
      ...decision,
      appeal: { id: crypto.randomUUID(), status: 'open', createdAt: hoursFromNow(0) },
    },
    appellant: null,
    text,
    status: 'open',
    createdAt: hoursFromNow(0),
    decidedAt: null,
    outcomeStatement: null,
    originalModerator: null,
    ageHours: 0,
    sla: 'ok',
  };
}

describe('appeal by link (suspended account)', () => {
  it('shows the decision with its rules and deadline and takes the appeal without signing in', async () => {
    const decision = suspension();
    const api = mockApi({
      [LINK]: () => decision,
      [POST]: (request) => jsonResponse(appealOf(decision, (request.body as { text: string }).text), 201),
    });
    const user = userEvent.setup();
    renderApp(`/einspruch?token=${TOKEN}`);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Einspruch gegen eine Kontosperre' }),
    ).toBeVisible();
    const facts = await screen.findByRole('region', { name: 'Konto Troll' });
    expect(within(facts).getAllByText('Kontosperre').length).toBeGreaterThan(0);
    expect(facts).toHaveTextContent('Belästigung');
    expect(facts).toHaveTextContent('Wiederholte Beleidigungen im Chat.');
    expect(facts).toHaveTextContent('Einspruch möglich bis');
    expect(document.title).toBe('Einspruch gegen eine Kontosperre – Nano-Marktplatz');

    const form = screen.getByRole('form', { name: 'Einspruch einlegen' });
    const text = within(form).getByRole('textbox', { name: /Ihre Begründung/ });
    await user.type(text, 'Zu kurz');
    await user.click(within(form).getByRole('button', { name: 'Einspruch senden' }));
    expect(await within(form).findByText('Mindestens 10 Zeichen.')).toBeVisible();
    expect(api.callsTo(POST)).toHaveLength(0);

    await user.clear(text);
    await user.type(text, TEXT);
    await user.click(within(form).getByRole('button', { name: 'Einspruch senden' }));

    const done = await screen.findByRole('heading', { level: 2, name: 'Ihr Einspruch ist eingegangen.' });
    expect(done).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('Wir prüfen Ihren Einspruch.');
    expect(api.callsTo(POST)).toHaveLength(1);
    expect(api.callsTo(POST)[0]?.body).toEqual({ text: TEXT });
  });

  it('shows the server’s refusal (already appealed) at the form', async () => {
    mockApi({
      [LINK]: () => suspension(),
      [POST]: () =>
        problemResponse(
          409,
          'appeal_exists',
          'Sie haben gegen diese Entscheidung bereits Einspruch eingelegt.',
        ),
    });
    const user = userEvent.setup();
    renderApp(`/einspruch?token=${TOKEN}`);

    const form = await screen.findByRole('form', { name: 'Einspruch einlegen' });
    await user.type(within(form).getByRole('textbox', { name: /Ihre Begründung/ }), TEXT);
    await user.click(within(form).getByRole('button', { name: 'Einspruch senden' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('bereits Einspruch eingelegt');
  });

  it('offers no form once appealed or after the period', async () => {
    mockApi({
      [LINK]: () =>
        suspension({ appeal: { id: crypto.randomUUID(), status: 'open', createdAt: hoursFromNow(-2) } }),
    });
    const { unmount } = renderApp(`/einspruch?token=${TOKEN}`);
    expect(await screen.findByText(/Ihr Einspruch vom .+ wird geprüft\./)).toBeVisible();
    expect(screen.queryByRole('form')).toBeNull();
    unmount();

    mockApi({ [LINK]: () => suspension({ appealableUntil: hoursFromNow(-1) }) });
    renderApp(`/einspruch?token=${TOKEN}`);
    expect(await screen.findByText(/Die Einspruchsfrist ist am .+ abgelaufen\./)).toBeVisible();
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('explains an invalid link, and a missing token without asking the server', async () => {
    mockApi({
      [LINK]: () => problemResponse(400, 'appeal_link_invalid', 'Dieser Einspruchslink ist ungültig.'),
    });
    const { unmount } = renderApp(`/einspruch?token=${TOKEN}`);
    expect(await screen.findByRole('alert')).toHaveTextContent('Dieser Einspruchslink ist ungültig.');
    expect(screen.queryByRole('form')).toBeNull();
    unmount();

    const api = mockApi();
    renderApp('/einspruch');
    expect(await screen.findByRole('alert')).toHaveTextContent('Bitte öffnen Sie den Link genau so');
    expect(api.callsTo(LINK)).toHaveLength(0);
  });
});
