import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';

const BODY_DE = [
  '## Verantwortlicher',
  'Die **Beispiel GmbH**, siehe [Impressum](/impressum) und [Aufsicht](https://example.org/aufsicht).',
  '<script>alert(1)</script><b>roh</b>',
  '[Böse](javascript:alert(1))',
  '- Zweck eins',
  '- Zweck zwei',
  '',
  '### Zwecke',
  '| Zweck | Rechtsgrundlage |',
  '| --- | --- |',
  '| Konto | Art. 6 Abs. 1 lit. b |',
].join('\n');

function privacyDocument(version = 3) {
  return {
    kind: 'privacy',
    version,
    title: { de: 'Datenschutzerklärung', en: 'Privacy policy' },
    body: { de: BODY_DE, en: '# Controller' },
    requiresAcceptance: true,
    changeNote: 'Neue Aufbewahrungsfristen',
    publishedAt: '2026-03-01T10:00:00.000Z',
  };
}

function versions() {
  return {
    items: [3, 2].map((version) => {
      const { body: _body, ...rest } = privacyDocument(version);
      return {
        ...rest,
        publishedAt: version === 3 ? '2026-03-01T10:00:00.000Z' : '2025-01-10T10:00:00.000Z',
      };
    }),
  };
}

describe('legal document pages', () => {
  it('renders the Markdown subset safely under one h1, with version, date and the storage notice', async () => {
    mockApi({
      'GET /api/v1/legal/privacy': () => privacyDocument(),
      'GET /api/v1/legal/privacy/versions': () => versions(),
    });
    renderApp('/datenschutz');

    expect(await screen.findByRole('heading', { level: 2, name: 'Verantwortlicher' })).toBeVisible();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByRole('heading', { level: 3, name: 'Zwecke' })).toBeVisible();
    expect(screen.getByRole('heading', { level: 1, name: 'Datenschutzerklärung' })).toBeVisible();
    expect(screen.getByText('Version 3, gültig seit 01.03.2026')).toBeVisible();
    expect(screen.getByText('Beispiel GmbH').tagName).toBe('STRONG');
    expect(within(screen.getByRole('main')).getByRole('link', { name: 'Impressum' })).toHaveAttribute(
      'href',
      '/impressum',
    );
    const external = screen.getByRole('link', { name: /Aufsicht/ });
    expect(external).toHaveAttribute('target', '_blank');
    expect(external).toHaveAttribute('rel', expect.stringContaining('noopener'));
    expect(screen.queryByText('roh')).toBeNull();
    expect(document.querySelector('script')).toBeNull();
    expect(screen.getByText('Böse').closest('a')?.getAttribute('href') ?? '').not.toContain('javascript');
    expect(screen.getByRole('cell', { name: 'Art. 6 Abs. 1 lit. b' })).toBeVisible();
    expect(screen.getAllByRole('listitem').length).toBeGreaterThanOrEqual(2);

    const storage = document.getElementById('speicher');
    expect(storage).not.toBeNull();
    expect(
      within(storage as HTMLElement).getByRole('heading', { name: 'Cookies und lokale Speicherung' }),
    ).toBeVisible();
    expect(within(storage as HTMLElement).getByText(/kein Cookie-Banner/)).toBeVisible();
  });

  it('shows an older version chosen in the history select', async () => {
    const api = mockApi({
      'GET /api/v1/legal/privacy': (request) =>
        privacyDocument(Number(request.url.searchParams.get('version') ?? 3)),
      'GET /api/v1/legal/privacy/versions': () => versions(),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/datenschutz');

    const select = await screen.findByRole('combobox', { name: 'Frühere Fassungen' });
    await user.selectOptions(select, '2');
    await waitFor(() => expect(router.state.location.search).toBe('?version=2'));
    expect(await screen.findByText(/Sie lesen eine frühere Fassung/)).toBeVisible();
    expect(api.callsTo('GET /api/v1/legal/privacy').at(-1)?.url.searchParams.get('version')).toBe('2');
  });

  it('renders the imprint without the storage notice', async () => {
    mockApi({
      'GET /api/v1/legal/imprint': () => ({
        ...privacyDocument(1),
        kind: 'imprint',
        title: { de: 'Impressum', en: 'Imprint' },
        body: { de: 'Angaben gemäß § 5 DDG', en: 'Information' },
      }),
      'GET /api/v1/legal/imprint/versions': () => ({ items: [] }),
    });
    renderApp('/impressum');
    expect(await screen.findByText('Angaben gemäß § 5 DDG')).toBeVisible();
    expect(document.getElementById('speicher')).toBeNull();
  });

  it('links the legal pages and the storage notice in the footer of every page', async () => {
    mockApi();
    renderApp('/');
    const nav = await screen.findByRole('navigation', { name: 'Rechtliche Hinweise' });
    expect(within(nav).getByRole('link', { name: 'Datenschutz' })).toHaveAttribute('href', '/datenschutz');
    expect(within(nav).getByRole('link', { name: 'Impressum' })).toHaveAttribute('href', '/impressum');
    expect(within(nav).getByRole('link', { name: 'Nutzungsbedingungen' })).toHaveAttribute(
      'href',
      '/nutzungsbedingungen',
    );
    expect(screen.getByText(/nur technisch notwendige Cookies/)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Mehr zu Cookies und Speicher' })).toHaveAttribute(
      'href',
      '/datenschutz#speicher',
    );
  });
});
