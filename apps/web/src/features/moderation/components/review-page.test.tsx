import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  createCurrentUser,
  createNano,
  createNanoFile,
  createNanoVersion,
} from '../../../testing/factories.ts';
import { mockApi, problemResponse } from '../../../testing/mock-api.ts';
import { createOverview, createPerson, createReviewDetail } from '../../../testing/moderation-factories.ts';
import { renderApp } from '../../../testing/render-app.tsx';

const me = createCurrentUser({
  id: crypto.randomUUID(),
  role: 'moderator',
  username: 'mod',
  displayName: 'Mo Derator',
});
const emptyPage = () => ({ items: [], total: 0, page: 1, pageSize: 20 });
const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

function reviewRoutes(detail: ReturnType<typeof createReviewDetail>) {
  const id = detail.nano.id;
  return {
    'GET /api/v1/auth/me': () => me,
    [`GET /api/v1/moderation/nanos/${id}`]: () => detail,
    [`GET /api/v1/nanos/${id}/files`]: ({ url }: { url: URL }) => ({
      versionId: url.searchParams.get('version'),
      items: [createNanoFile('bild.jpg', 'jpeg', 'image/jpeg')],
    }),
    [`POST /api/v1/moderation/nanos/${id}/claim`]: () => ({
      by: { id: me.id, username: me.username, displayName: me.displayName },
      expiresAt: inMinutes(30),
    }),
    'GET /api/v1/moderation/overview': () => createOverview(),
    'GET /api/v1/moderation/queue': emptyPage,
  };
}

describe('review page', () => {
  it('shows the version under review, the creator card and the history; approves only with the whole checklist', async () => {
    const detail = createReviewDetail({
      history: [
        {
          decision: 'request_changes',
          reviewer: 'Maria Moderatorin',
          reasons: ['metadata_incomplete'],
          note: 'Bitte die Dauer angeben.',
          at: '2026-05-01T10:00:00.000Z',
        },
      ],
    });
    const id = detail.nano.id;
    const api = mockApi({
      ...reviewRoutes(detail),
      [`POST /api/v1/moderation/nanos/${id}/decision`]: () => ({
        ...detail.nano,
        status: 'published',
        pendingVersion: null,
      }),
    });
    const user = userEvent.setup();
    const { router } = renderApp(`/moderation/nanos/${id}`);

    await screen.findByRole('heading', { level: 1, name: 'Prüfung: Pivot-Tabellen in 10 Minuten' });
    expect(await screen.findByRole('img', { name: 'Bild bild.jpg' })).toBeVisible();
    expect(api.callsTo(`GET /api/v1/nanos/${id}/files`)[0]?.url.searchParams.get('version')).toBe(
      detail.version?.id,
    );
    expect(screen.getByText('Erste Einreichung: Es gibt keine frühere Version zum Vergleich.')).toBeVisible();
    const creator = screen.getByRole('region', { name: 'Anbieter' });
    expect(within(creator).getByText('Neu: jede Einreichung wird geprüft')).toBeVisible();
    expect(within(creator).getByText('Verifizierter Anbieter')).toBeVisible();
    expect(within(creator).getByText('2 von 5')).toBeVisible();
    const history = screen.getByRole('region', { name: 'Frühere Entscheidungen' });
    expect(history).toHaveTextContent('Änderungen erbeten');
    expect(history).toHaveTextContent('Metadaten unvollständig');
    expect(history).toHaveTextContent('Bitte die Dauer angeben.');
    expect(screen.getByText(/Niemand bearbeitet diesen Nano gerade/)).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Freigeben' }));
    expect(await screen.findByText('Bitte haken Sie alle Punkte ab, bevor Sie freigeben.')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Ablehnen' }));
    expect(
      await screen.findByText(
        'Bitte wählen Sie mindestens eine Begründung, um Änderungen zu erbitten oder abzulehnen.',
      ),
    ).toBeVisible();
    expect(api.callsTo(`POST /api/v1/moderation/nanos/${id}/decision`)).toHaveLength(0);

    const checklist = screen.getByRole('group', { name: 'Prüfliste' });
    for (const box of within(checklist).getAllByRole('checkbox')) {
      await user.click(box);
    }
    // The first tick took the review over.
    expect(await screen.findByText(/^Sie bearbeiten diesen Nano bis \d\d:\d\d\.$/)).toBeVisible();
    expect(api.callsTo(`POST /api/v1/moderation/nanos/${id}/claim`)).toHaveLength(1);
    await user.type(screen.getByRole('textbox', { name: 'Nachricht an den Anbieter' }), 'Sehr gut.');
    await user.click(screen.getByRole('button', { name: 'Freigeben' }));

    expect(await screen.findByText('„Pivot-Tabellen in 10 Minuten“ wurde freigegeben.')).toBeVisible();
    expect(router.state.location.pathname).toBe('/moderation/pruefungen/neu');
    expect(api.callsTo(`POST /api/v1/moderation/nanos/${id}/decision`)[0]?.body).toEqual({
      decision: 'approve',
      checklist: {
        copyright: true,
        privacy: true,
        harassment: true,
        topic_fit: true,
        metadata_complete: true,
      },
      reasons: [],
      note: 'Sehr gut.',
    });
    expect(api.callsTo(`POST /api/v1/moderation/nanos/${id}/claim`)).toHaveLength(1);
  });

  it('rejects an update with reason templates, their rule text in the note, and shows the metadata diff', async () => {
    const current = createNanoVersion({ semver: '1.0.0' });
    const pending = createNanoVersion({ semver: '—', status: 'pending_review', current: false });
    const detail = createReviewDetail({
      nano: createNano({ status: 'published', currentVersion: current, pendingVersion: pending }),
      queueType: 'update',
      metadataChanges: [
        { field: 'title', before: 'Pivot-Tabellen', after: 'Pivot-Tabellen in 10 Minuten' },
        { field: 'tags', before: ['excel'], after: ['excel', 'pivot'] },
        { field: 'downloadAllowed', before: true, after: false },
      ],
    });
    const id = detail.nano.id;
    const api = mockApi({
      ...reviewRoutes(detail),
      [`POST /api/v1/moderation/nanos/${id}/decision`]: () => ({ ...detail.nano, status: 'rejected' }),
    });
    const user = userEvent.setup();
    const { router } = renderApp(`/moderation/nanos/${id}`);

    const diff = await screen.findByRole('table', {
      name: 'Geänderte Angaben seit der zuletzt freigegebenen Version: vorher → nachher',
    });
    const rows = within(diff).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      'TitelPivot-TabellenPivot-Tabellen in 10 Minuten',
      'Schlagwörterexcelexcel, pivot',
      'Download erlaubtjanein',
    ]);
    expect(within(rows[0] as HTMLElement).getByText('Pivot-Tabellen').tagName).toBe('DEL');
    expect(within(rows[0] as HTMLElement).getByText('Pivot-Tabellen in 10 Minuten').tagName).toBe('INS');

    await user.click(screen.getByRole('textbox', { name: /Begründungen \(Regeln\)/ }));
    await user.click(await screen.findByRole('option', { name: 'Urheberrecht' }));
    await user.click(screen.getByRole('button', { name: 'Regeltext „Urheberrecht“ übernehmen' }));
    expect(screen.getByRole('textbox', { name: 'Nachricht an den Anbieter' })).toHaveValue(
      'Inhalte dürfen nur veröffentlicht werden, wenn Sie die Rechte daran besitzen oder eine Lizenz haben (Nutzungsbedingungen § 4).',
    );
    await user.click(screen.getByRole('button', { name: 'Ablehnen' }));

    expect(await screen.findByText('„Pivot-Tabellen in 10 Minuten“ wurde abgelehnt.')).toBeVisible();
    expect(router.state.location.pathname).toBe('/moderation/pruefungen/aktualisierungen');
    const body = api.callsTo(`POST /api/v1/moderation/nanos/${id}/decision`)[0]?.body as Record<
      string,
      unknown
    >;
    expect(body.decision).toBe('reject');
    expect(body.reasons).toEqual(['copyright']);
    expect(body.note).toMatch(/^Inhalte dürfen nur veröffentlicht werden/);
  });

  it('locks the decision while a colleague holds the review', async () => {
    const colleague = createPerson({ displayName: 'Maria Moderatorin' });
    const detail = createReviewDetail({ claim: { by: colleague, expiresAt: inMinutes(20) } });
    const id = detail.nano.id;
    const api = mockApi(reviewRoutes(detail));
    renderApp(`/moderation/nanos/${id}`);

    expect(
      await screen.findByText(/^Maria Moderatorin bearbeitet diesen Nano bis \d\d:\d\d\.$/),
    ).toBeVisible();
    expect(screen.getByText(/Solange ist die Entscheidung gesperrt/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Freigeben' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Ablehnen' })).toBeDisabled();
    for (const box of within(screen.getByRole('group', { name: 'Prüfliste' })).getAllByRole('checkbox')) {
      expect(box).toBeDisabled();
    }
    expect(screen.queryByRole('button', { name: 'Bearbeitung übernehmen' })).toBeNull();
    expect(api.callsTo(`POST /api/v1/moderation/nanos/${id}/claim`)).toHaveLength(0);
  });

  it('shows the conflict when a colleague claimed the review first', async () => {
    const colleague = createPerson({ displayName: 'Maria Moderatorin' });
    const detail = createReviewDetail();
    const id = detail.nano.id;
    const claimed = { ...detail, claim: { by: colleague, expiresAt: inMinutes(25) } };
    const api = mockApi({
      ...reviewRoutes(detail),
      [`GET /api/v1/moderation/nanos/${id}`]: [() => detail, () => claimed],
      [`POST /api/v1/moderation/nanos/${id}/claim`]: () =>
        problemResponse(
          409,
          'review_claimed',
          'Maria Moderatorin prüft diesen Nano bereits (bis 14:30 Uhr).',
        ),
    });
    const user = userEvent.setup();
    renderApp(`/moderation/nanos/${id}`);

    await user.click(await screen.findByRole('button', { name: 'Bearbeitung übernehmen' }));

    expect(
      await screen.findByText('Maria Moderatorin prüft diesen Nano bereits (bis 14:30 Uhr).'),
    ).toBeVisible();
    expect(await screen.findByText(/^Maria Moderatorin bearbeitet diesen Nano bis/)).toBeVisible();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Freigeben' })).toBeDisabled());
    expect(api.callsTo(`GET /api/v1/moderation/nanos/${id}`)).toHaveLength(2);
  });

  it('renews and hands back an own claim', async () => {
    const detail = createReviewDetail({
      claim: {
        by: { id: me.id, username: me.username, displayName: me.displayName },
        expiresAt: inMinutes(5),
      },
    });
    const id = detail.nano.id;
    const api = mockApi({
      ...reviewRoutes(detail),
      [`DELETE /api/v1/moderation/nanos/${id}/claim`]: () => new Response(null, { status: 204 }),
    });
    const user = userEvent.setup();
    renderApp(`/moderation/nanos/${id}`);

    await user.click(await screen.findByRole('button', { name: 'Verlängern' }));
    await waitFor(() => expect(api.callsTo(`POST /api/v1/moderation/nanos/${id}/claim`)).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Bearbeitung abgeben' }));
    expect(await screen.findByText(/Niemand bearbeitet diesen Nano gerade/)).toBeVisible();
    expect(api.callsTo(`DELETE /api/v1/moderation/nanos/${id}/claim`)).toHaveLength(1);
  });

  it('says when nothing waits for a decision', async () => {
    const detail = createReviewDetail({ queueType: null, sla: null, ageHours: null });
    mockApi(reviewRoutes(detail));
    renderApp(`/moderation/nanos/${detail.nano.id}`);

    expect(
      await screen.findByText('Für diesen Nano wartet keine Version auf eine Entscheidung.'),
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Freigeben' })).toBeNull();
  });
});
