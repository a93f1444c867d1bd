import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  createCurrentUser,
  createNano,
  createNanoFile,
  createNanoVersion,
  createQueueItem,
} from '../../../testing/factories.ts';
import { mockApi } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';

const moderator = () => createCurrentUser({ role: 'moderator', username: 'mod', displayName: 'Mo Derator' });

describe('moderation queue', () => {
  it('lists submissions oldest first with age, type and SLA colour (green < 24 h, orange, red > 48 h)', async () => {
    mockApi({
      'GET /api/v1/auth/me': moderator,
      'GET /api/v1/moderation/queue': () => ({
        items: [
          createQueueItem({ title: 'Alt', ageHours: 73.5, sla: 'overdue', type: 'update', semver: '1.1.0' }),
          createQueueItem({ title: 'Mittel', ageHours: 30, sla: 'warning' }),
          createQueueItem({ title: 'Frisch', ageHours: 2.4, sla: 'ok' }),
        ],
        total: 3,
        page: 1,
        pageSize: 20,
      }),
    });
    renderApp('/moderation');

    const table = await screen.findByRole('table', { name: 'Wartende Einreichungen, älteste zuerst' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[0]?.textContent)).toEqual([
      'Alt',
      'Mittel',
      'Frisch',
    ]);
    const badge = (row: HTMLElement) => row.querySelector('[data-sla]') as HTMLElement;
    expect(badge(rows[0] as HTMLElement)).toHaveTextContent('3 Tage · überfällig');
    expect(badge(rows[0] as HTMLElement).getAttribute('style')).toContain(
      '--badge-bg: var(--mantine-color-red-9)',
    );
    expect(badge(rows[1] as HTMLElement)).toHaveTextContent('30 Std. · bald fällig');
    expect(badge(rows[1] as HTMLElement).getAttribute('style')).toContain(
      '--badge-bg: var(--mantine-color-orange-4)',
    );
    expect(badge(rows[2] as HTMLElement)).toHaveTextContent('2 Std. · im Zeitplan');
    expect(badge(rows[2] as HTMLElement).getAttribute('style')).toContain(
      '--badge-bg: var(--mantine-color-teal-9)',
    );
    expect(rows[0]).toHaveTextContent('Update');
    expect(rows[2]).toHaveTextContent('Neu');
  });

  it('keeps consumers and creators out', async () => {
    mockApi({ 'GET /api/v1/auth/me': () => createCurrentUser({ role: 'creator' }) });
    renderApp('/moderation');

    expect(await screen.findByRole('heading', { level: 1, name: 'Kein Zugriff' })).toBeVisible();
  });

  it('approves only with the whole checklist ticked, then returns to the queue with a notice', async () => {
    const pending = createNanoVersion({ semver: '—', status: 'pending_review', current: false });
    const nano = createNano({
      status: 'pending_review',
      pendingVersion: pending,
      permissions: { ...createNano().permissions, edit: false, submit: false, delete: false, review: true },
    });
    const api = mockApi({
      'GET /api/v1/auth/me': moderator,
      [`GET /api/v1/nanos/${nano.id}`]: () => nano,
      [`GET /api/v1/nanos/${nano.id}/files`]: ({ url }) => ({
        versionId: url.searchParams.get('version'),
        items: [createNanoFile('bild.jpg', 'jpeg', 'image/jpeg')],
      }),
      [`POST /api/v1/moderation/nanos/${nano.id}/decision`]: () => ({
        ...nano,
        status: 'published',
        currentVersion: { ...pending, status: 'approved', current: true },
        pendingVersion: null,
      }),
      'GET /api/v1/moderation/queue': () => ({ items: [], total: 0, page: 1, pageSize: 20 }),
    });
    const user = userEvent.setup();
    renderApp(`/moderation/nanos/${nano.id}`);

    await screen.findByRole('heading', { level: 1, name: 'Prüfung: Pivot-Tabellen in 10 Minuten' });
    expect(await screen.findByRole('img', { name: 'Bild bild.jpg' })).toBeVisible();
    expect(api.callsTo(`GET /api/v1/nanos/${nano.id}/files`)[0]?.url.searchParams.get('version')).toBe(
      pending.id,
    );
    await user.click(screen.getByRole('button', { name: 'Freigeben' }));
    expect(await screen.findByText('Bitte haken Sie alle Punkte ab, bevor Sie freigeben.')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Ablehnen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Bitte wählen Sie eine Begründung oder schreiben Sie eine Nachricht.',
    );
    expect(api.callsTo(`POST /api/v1/moderation/nanos/${nano.id}/decision`)).toHaveLength(0);

    const checklist = screen.getByRole('group', { name: 'Prüfliste' });
    for (const box of within(checklist).getAllByRole('checkbox')) {
      await user.click(box);
    }
    await user.type(screen.getByRole('textbox', { name: 'Nachricht an den Anbieter' }), 'Sehr gut.');
    await user.click(screen.getByRole('button', { name: 'Freigeben' }));

    expect(await screen.findByRole('status')).toHaveTextContent(
      '„Pivot-Tabellen in 10 Minuten“ wurde freigegeben.',
    );
    expect(api.callsTo(`POST /api/v1/moderation/nanos/${nano.id}/decision`)[0]?.body).toEqual({
      decision: 'approve',
      reasons: [],
      note: 'Sehr gut.',
    });
  });
});
