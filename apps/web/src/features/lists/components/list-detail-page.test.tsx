import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCurrentUser } from '../../../testing/factories.ts';
import { createListDetail, createListItem } from '../../../testing/list-factories.ts';
import { mockApi, problemResponse } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import { createSearchHit } from '../../../testing/search-factories.ts';

const signedIn = { 'GET /api/v1/auth/me': () => createCurrentUser() };
const pivot = createListItem({ nano: createSearchHit({ title: 'Pivot-Tabellen', durationMinutes: 10 }) });
const sverweis = createListItem({ nano: createSearchHit({ title: 'SVERWEIS', level: 2 }) });
const gone = createListItem({ nano: null, title: 'Makros für Einsteiger' });
const noContent = () => new Response(null, { status: 204 });

/** The titles of the rows, in order, as their drag handles name them. */
const rowTitles = () =>
  within(screen.getByRole('list', { name: 'Nanos in dieser Liste' }))
    .getAllByRole('button', { name: /^Verschieben: / })
    .map((handle) => /^Verschieben: (.*) \(Position/.exec(handle.getAttribute('aria-label') ?? '')?.[1]);

describe('list detail page', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('shows the entries in order, greys the unavailable one and offers the exports', async () => {
    const list = createListDetail({ items: [pivot, gone, sverweis] });
    mockApi({ ...signedIn, [`GET /api/v1/lists/${list.id}`]: () => list });
    renderApp(`/listen/${list.id}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Excel-Schulung Team' })).toBeVisible();
    expect(rowTitles()).toEqual(['Pivot-Tabellen', 'Makros für Einsteiger', 'SVERWEIS']);
    const rows = within(screen.getByRole('list', { name: 'Nanos in dieser Liste' })).getAllByRole('listitem');
    expect(within(rows[0] as HTMLElement).getByRole('link', { name: 'Pivot-Tabellen' })).toHaveAttribute(
      'href',
      `/nanos/${pivot.nanoId}`,
    );
    expect(rows[0]).toHaveTextContent('Bildungswerk Nord');
    expect(rows[0]).toHaveTextContent('Grundlagen · 10 Min. · Deutsch');
    expect(rows[1]).toHaveTextContent('nicht mehr verfügbar');
    expect(within(rows[1] as HTMLElement).queryByRole('link')).toBeNull();
    expect(
      within(rows[1] as HTMLElement).getByRole('button', {
        name: /Verschieben: Makros für Einsteiger \(Position 2 von 3\)/,
      }),
    ).toBeVisible();

    const exports = screen.getByRole('group', { name: 'Exportieren:' });
    for (const format of ['csv', 'json', 'pdf']) {
      const link = within(exports).getByRole('link', {
        name: `Liste als ${format.toUpperCase()} exportieren`,
      });
      expect(link).toHaveAttribute('href', `/api/v1/lists/${list.id}/export?format=${format}`);
      expect(link).toHaveAttribute('download');
    }
  });

  it('moves an entry with the arrow buttons and saves the whole new order', async () => {
    let list = createListDetail({ items: [pivot, sverweis, gone] });
    const api = mockApi({
      ...signedIn,
      [`GET /api/v1/lists/${list.id}`]: () => list,
      [`PATCH /api/v1/lists/${list.id}/items`]: ({ body }) => {
        const { nanoIds } = body as { nanoIds: string[] };
        list = {
          ...list,
          items: nanoIds.map((id) => list.items.find((item) => item.nanoId === id) ?? pivot),
        };
        return list;
      },
    });
    const user = userEvent.setup();
    renderApp(`/listen/${list.id}`);

    await user.click(await screen.findByRole('button', { name: 'Nach unten: Pivot-Tabellen' }));

    expect(rowTitles()).toEqual(['SVERWEIS', 'Pivot-Tabellen', 'Makros für Einsteiger']);
    await waitFor(() => expect(api.callsTo(`PATCH /api/v1/lists/${list.id}/items`)).toHaveLength(1));
    expect(api.callsTo(`PATCH /api/v1/lists/${list.id}/items`)[0]?.body).toEqual({
      nanoIds: [sverweis.nanoId, pivot.nanoId, gone.nanoId],
    });
    expect(screen.getByRole('button', { name: 'Nach oben: SVERWEIS' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    expect(screen.getByRole('button', { name: 'Nach unten: Pivot-Tabellen' })).toHaveFocus();
  });

  it('moves an entry with the keyboard on its drag handle', async () => {
    // jsdom has no layout: each row gets a box of 60 px below the one before, as a browser would.
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
      const index =
        this.tagName === 'LI' && this.parentElement ? [...this.parentElement.children].indexOf(this) : 0;
      return DOMRect.fromRect({ x: 0, y: index * 60, width: 600, height: 56 });
    });
    let list = createListDetail({ items: [pivot, sverweis, gone] });
    const api = mockApi({
      ...signedIn,
      [`GET /api/v1/lists/${list.id}`]: () => list,
      [`PATCH /api/v1/lists/${list.id}/items`]: ({ body }) => {
        const { nanoIds } = body as { nanoIds: string[] };
        list = {
          ...list,
          items: nanoIds.map((id) => list.items.find((item) => item.nanoId === id) ?? pivot),
        };
        return list;
      },
    });
    const user = userEvent.setup();
    renderApp(`/listen/${list.id}`);

    const handle = await screen.findByRole('button', { name: /^Verschieben: Pivot-Tabellen/ });
    handle.focus();
    await user.keyboard('[Space]');
    await user.keyboard('[ArrowDown]');
    await user.keyboard('[ArrowDown]');
    await user.keyboard('[Space]');

    await waitFor(() => expect(api.callsTo(`PATCH /api/v1/lists/${list.id}/items`)).toHaveLength(1));
    expect(api.callsTo(`PATCH /api/v1/lists/${list.id}/items`)[0]?.body).toEqual({
      nanoIds: [sverweis.nanoId, gone.nanoId, pivot.nanoId],
    });
    await waitFor(() => expect(rowTitles()).toEqual(['SVERWEIS', 'Makros für Einsteiger', 'Pivot-Tabellen']));
  });

  it('puts the old order back and explains when the list changed meanwhile', async () => {
    const list = createListDetail({ items: [pivot, sverweis] });
    mockApi({
      ...signedIn,
      [`GET /api/v1/lists/${list.id}`]: () => list,
      [`PATCH /api/v1/lists/${list.id}/items`]: () => problemResponse(409, 'conflict', 'Konflikt'),
    });
    const user = userEvent.setup();
    renderApp(`/listen/${list.id}`);

    await user.click(await screen.findByRole('button', { name: 'Nach oben: SVERWEIS' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Die Liste wurde inzwischen geändert');
    expect(rowTitles()).toEqual(['Pivot-Tabellen', 'SVERWEIS']);
  });

  it('removes an entry', async () => {
    const list = createListDetail({ items: [pivot, sverweis] });
    const api = mockApi({
      ...signedIn,
      [`GET /api/v1/lists/${list.id}`]: [() => list, () => ({ ...list, items: [sverweis], itemCount: 1 })],
      [`DELETE /api/v1/lists/${list.id}/items/${pivot.nanoId}`]: noContent,
    });
    const user = userEvent.setup();
    renderApp(`/listen/${list.id}`);

    await user.click(await screen.findByRole('button', { name: 'Entfernen: Pivot-Tabellen' }));

    await waitFor(() => expect(rowTitles()).toEqual(['SVERWEIS']));
    expect(api.callsTo(`DELETE /api/v1/lists/${list.id}/items/${pivot.nanoId}`)).toHaveLength(1);
    expect(screen.getByText('1 Nano')).toBeVisible();
  });

  it('shares the list, copies the link, makes a new one and ends sharing', async () => {
    let list = createListDetail({ items: [pivot] });
    const share = (token: string) => {
      list = { ...list, shareUrl: `http://localhost/geteilt/${token}` };
      return { shareUrl: list.shareUrl, token };
    };
    const api = mockApi({
      ...signedIn,
      [`GET /api/v1/lists/${list.id}`]: () => list,
      [`POST /api/v1/lists/${list.id}/share`]: [() => share('erster-link'), () => share('zweiter-link')],
      [`DELETE /api/v1/lists/${list.id}/share`]: () => {
        list = { ...list, shareUrl: null };
        return noContent();
      },
    });
    const user = userEvent.setup();
    renderApp(`/listen/${list.id}`);

    await user.click(await screen.findByRole('button', { name: 'Teilen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Liste teilen' });
    const toggle = within(dialog).getByRole('switch', { name: 'Lesezugriff per Link erlauben' });
    expect(toggle).not.toBeChecked();
    expect(within(dialog).queryByRole('textbox')).toBeNull();

    await user.click(toggle);
    const field = await within(dialog).findByRole('textbox', { name: 'Link zur Liste' });
    expect(field).toHaveValue('http://localhost/geteilt/erster-link');
    expect(field).toHaveAttribute('readonly');
    expect(toggle).toBeChecked();
    expect(within(dialog).getByRole('status')).toHaveTextContent('Die Liste ist jetzt per Link sichtbar.');

    await user.click(within(dialog).getByRole('button', { name: 'Link kopieren' }));
    expect(await within(dialog).findByRole('button', { name: 'Kopiert' })).toBeVisible();
    expect(await navigator.clipboard.readText()).toBe('http://localhost/geteilt/erster-link');

    expect(dialog).toHaveTextContent('Der bisherige Link funktioniert danach nicht mehr.');
    await user.click(within(dialog).getByRole('button', { name: 'Neuen Link erzeugen' }));
    await waitFor(() => expect(field).toHaveValue('http://localhost/geteilt/zweiter-link'));
    expect(within(dialog).getByRole('status')).toHaveTextContent('Neuer Link erzeugt.');
    expect(api.callsTo(`POST /api/v1/lists/${list.id}/share`)).toHaveLength(2);

    await user.click(within(dialog).getByRole('button', { name: 'Freigabe beenden' }));
    await waitFor(() => expect(within(dialog).queryByRole('textbox')).toBeNull());
    expect(toggle).not.toBeChecked();
    expect(within(dialog).getByRole('status')).toHaveTextContent('Freigabe beendet.');
    expect(api.callsTo(`DELETE /api/v1/lists/${list.id}/share`)).toHaveLength(1);

    await user.click(within(dialog).getAllByRole('button', { name: 'Schließen' }).at(-1) as HTMLElement);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Teilen' })).toHaveFocus());
  });

  it('says so when the list does not exist', async () => {
    const id = crypto.randomUUID();
    mockApi({
      ...signedIn,
      [`GET /api/v1/lists/${id}`]: () => problemResponse(404, 'not_found', 'Nicht gefunden'),
    });
    renderApp(`/listen/${id}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Liste nicht gefunden' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Zurück zu „Meine Listen“' })).toHaveAttribute('href', '/listen');
  });
});
