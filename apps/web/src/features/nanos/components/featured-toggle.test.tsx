import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createCurrentUser, createNano, createNanoVersion } from '../../../testing/factories.ts';
import { mockApi } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import { createSearchHit } from '../../../testing/search-factories.ts';

function publishedNano() {
  const version = createNanoVersion();
  return createNano({
    status: 'published',
    currentVersion: version,
    pendingVersion: null,
    permissions: { ...createNano().permissions, edit: false, submit: false, delete: false },
  });
}

describe('featuring a Nano on the home page', () => {
  it('lets an admin feature and unfeature a published Nano', async () => {
    const nano = publishedNano();
    const api = mockApi({
      'GET /api/v1/auth/me': () => createCurrentUser({ role: 'admin' }),
      [`GET /api/v1/nanos/${nano.id}`]: () => nano,
      [`GET /api/v1/nanos/${nano.id}/files`]: () => ({ versionId: nano.currentVersion?.id, items: [] }),
      'GET /api/v1/admin/featured': [
        () => ({ items: [] }),
        () => ({ items: [createSearchHit({ id: nano.id })] }),
      ],
      [`PUT /api/v1/admin/featured/${nano.id}`]: () => new Response(null, { status: 204 }),
      [`DELETE /api/v1/admin/featured/${nano.id}`]: () => new Response(null, { status: 204 }),
    });
    const user = userEvent.setup();
    renderApp(`/nanos/${nano.id}`);

    const toggle = await screen.findByRole(
      'switch',
      { name: 'Auf der Startseite empfehlen' },
      { timeout: 5000 },
    );
    expect(toggle).not.toBeChecked();
    await user.click(toggle);

    await waitFor(() => expect(toggle).toBeChecked());
    expect(api.callsTo(`PUT /api/v1/admin/featured/${nano.id}`)).toHaveLength(1);
    await waitFor(() => expect(toggle).toBeEnabled());
    await user.click(toggle);
    await waitFor(() => expect(api.callsTo(`DELETE /api/v1/admin/featured/${nano.id}`)).toHaveLength(1));
  });

  it('shows no toggle to anyone but admins', async () => {
    const nano = publishedNano();
    const api = mockApi({
      'GET /api/v1/auth/me': () => createCurrentUser({ role: 'moderator' }),
      [`GET /api/v1/nanos/${nano.id}`]: () => nano,
      [`GET /api/v1/nanos/${nano.id}/files`]: () => ({ versionId: nano.currentVersion?.id, items: [] }),
    });
    renderApp(`/nanos/${nano.id}`);

    await screen.findByRole('heading', { level: 1, name: nano.title }, { timeout: 5000 });
    expect(screen.queryByRole('switch', { name: 'Auf der Startseite empfehlen' })).toBeNull();
    expect(api.callsTo('GET /api/v1/admin/featured')).toHaveLength(0);
  });
});
