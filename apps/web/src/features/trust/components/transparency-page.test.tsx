import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import { createTransparencyReport } from '../../../testing/trust-factories.ts';
import { formatHours, reportYearFrom, reportYears } from './transparency-format.ts';

describe('transparency report page', () => {
  it('shows notices, flags by reason, actions, medians and appeals of the year', async () => {
    const year = new Date().getFullYear();
    const api = mockApi({ 'GET /api/v1/transparency-report': () => createTransparencyReport({ year }) });
    renderApp('/transparenzbericht');

    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: `Transparenzbericht ${year}` },
        { timeout: 10_000 },
      ),
    ).toBeVisible();
    expect(screen.getByText(/Digital Services Act, Art. 15 und 24/)).toBeVisible();
    expect(api.callsTo('GET /api/v1/transparency-report')[0]?.url.searchParams.get('year')).toBe(
      String(year),
    );

    const byType = await screen.findByRole('table', { name: 'Meldungen nach Art' });
    expect(within(byType).getByRole('row', { name: 'Rechtsverletzungen (Urheberrecht) 3' })).toBeVisible();
    expect(within(byType).getByRole('row', { name: 'Meldungen zu Chat-Nachrichten 7' })).toBeVisible();
    const byReason = screen.getByRole('table', { name: 'Meldungen von Nutzenden nach Grund' });
    expect(within(byReason).getByRole('row', { name: 'Urheberrechtsverletzung 10' })).toBeVisible();

    const actions = screen.getByRole('table', { name: 'Entscheidungen nach Maßnahme und Anlass' });
    expect(
      within(actions).getByRole('row', { name: 'Vorläufige Sperrung Meldung einer Rechtsverletzung 3 3' }),
    ).toBeVisible();
    expect(
      within(actions).getByRole('row', { name: 'Freigabe Prüfung vor der Veröffentlichung 120 0' }),
    ).toBeVisible();

    const speed = screen.getByRole('region', { name: 'Bearbeitungszeit' });
    expect(
      within(speed).getByRole('row', { name: 'Prüfungen vor der Veröffentlichung 5,5 Std.' }),
    ).toBeVisible();
    expect(within(speed).getByRole('row', { name: 'Meldungen von Rechtsverletzungen –' })).toBeVisible();
    const appeals = screen.getByRole('region', { name: 'Einsprüche' });
    expect(within(appeals).getByRole('row', { name: 'Entscheidung aufgehoben 1' })).toBeVisible();
    expect(screen.getByText(/Die Zahlen des laufenden Jahres sind vorläufig./)).toBeVisible();
  });

  it('loads another year from the picker and keeps it in the address', async () => {
    const year = new Date().getFullYear();
    const api = mockApi({
      'GET /api/v1/transparency-report': (request) =>
        createTransparencyReport({ year: Number(request.url.searchParams.get('year')) }),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/transparenzbericht');

    const picker = await screen.findByRole('combobox', { name: 'Jahr' }, { timeout: 10_000 });
    await user.selectOptions(picker, String(year - 1));

    expect(
      await screen.findByRole('heading', { level: 1, name: `Transparenzbericht ${year - 1}` }),
    ).toBeVisible();
    expect(router.state.location.search).toBe(`?jahr=${year - 1}`);
    await waitFor(() =>
      expect(api.callsTo('GET /api/v1/transparency-report').at(-1)?.url.searchParams.get('year')).toBe(
        String(year - 1),
      ),
    );
    expect(screen.queryByText(/vorläufig/)).not.toBeInTheDocument();
  });

  it('says when a year has no figures yet', async () => {
    mockApi({
      'GET /api/v1/transparency-report': () =>
        createTransparencyReport({
          year: 2025,
          notices: [{ type: 'takedown', count: 0 }],
          flagsByReason: [],
          actions: [],
          appeals: { received: 0, upheld: 0, reversed: 0, open: 0 },
        }),
    });
    renderApp('/transparenzbericht?jahr=2025');

    expect(
      await screen.findByText('Für 2025 liegen noch keine Zahlen vor.', {}, { timeout: 10_000 }),
    ).toBeVisible();
    expect(screen.getByText('In diesem Jahr gab es keine Entscheidungen.')).toBeVisible();
  });
});

describe('transparency report formatting', () => {
  it('accepts only years the report exists for', () => {
    expect(reportYearFrom('2024', 2026)).toBe(2024);
    expect(reportYearFrom('2019', 2026)).toBe(2026);
    expect(reportYearFrom('2030', 2026)).toBe(2026);
    expect(reportYearFrom('abc', 2026)).toBe(2026);
    expect(reportYears(2026)).toEqual([2026, 2025, 2024, 2023, 2022, 2021]);
    expect(reportYears(2021)).toEqual([2021, 2020]);
  });

  it('writes medians in hours in the interface language', () => {
    expect(formatHours(5.5, 'de')).toBe('5,5 Std.');
    expect(formatHours(36.4, 'en')).toBe('36 hr');
    expect(formatHours(null, 'de')).toBe('–');
  });
});
