import type { Nano } from '@nano/contracts';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createChatSession } from '../../../testing/chat-factories.ts';
import { createCurrentUser, createNano, createNanoVersion } from '../../../testing/factories.ts';
import { mockApi, problemResponse } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';

function publishedNano(overrides: Partial<Nano> = {}): Nano {
  return createNano({
    status: 'published',
    currentVersion: createNanoVersion(),
    pendingVersion: null,
    ...overrides,
  });
}

describe('"Chat mit Creator" on the Nano page', () => {
  it('opens the conversation with the creator and goes there', async () => {
    const nano = publishedNano();
    const chat = createChatSession({ nano: { id: nano.id, title: nano.title } });
    const api = mockApi({
      'GET /api/v1/auth/me': () => createCurrentUser({ username: 'anna' }),
      [`GET /api/v1/nanos/${nano.id}`]: () => nano,
      'POST /api/v1/chats': () => ({ chat, message: null, reused: false }),
    });
    const user = userEvent.setup();
    const { router } = renderApp(`/nanos/${nano.id}`);

    await user.click(await screen.findByRole('button', { name: 'Chat mit Creator' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/chats/${chat.id}`));
    expect(api.callsTo('POST /api/v1/chats')[0]?.body).toEqual({ nanoId: nano.id });
  });

  it('is not offered to the creator on their own Nano, nor on a Nano that is not published', async () => {
    const own = publishedNano();
    mockApi({
      'GET /api/v1/auth/me': () => createCurrentUser({ username: own.creator.username, role: 'creator' }),
      [`GET /api/v1/nanos/${own.id}`]: () => own,
    });
    renderApp(`/nanos/${own.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: own.title })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Chat mit Creator' })).toBeNull();
  });

  it('is not offered on a draft a moderator looks at', async () => {
    const draft = createNano({ status: 'pending_review' });
    mockApi({
      'GET /api/v1/auth/me': () => createCurrentUser({ role: 'moderator' }),
      [`GET /api/v1/nanos/${draft.id}`]: () => draft,
    });
    renderApp(`/nanos/${draft.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: draft.title })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Chat mit Creator' })).toBeNull();
  });

  it('sends a guest to the login and back to the Nano', async () => {
    const nano = publishedNano();
    mockApi({ [`GET /api/v1/nanos/${nano.id}`]: () => nano });
    renderApp(`/nanos/${nano.id}`);
    expect(await screen.findByRole('link', { name: 'Chat mit Creator' })).toHaveAttribute(
      'href',
      `/anmelden?next=%2Fnanos%2F${nano.id}`,
    );
  });

  it('shows why the chat could not be opened', async () => {
    const nano = publishedNano();
    mockApi({
      'GET /api/v1/auth/me': () => createCurrentUser(),
      [`GET /api/v1/nanos/${nano.id}`]: () => nano,
      'POST /api/v1/chats': () => problemResponse(403, 'account_suspended', 'Ihr Konto ist gesperrt.'),
    });
    const user = userEvent.setup();
    const { router } = renderApp(`/nanos/${nano.id}`);

    await user.click(await screen.findByRole('button', { name: 'Chat mit Creator' }));

    expect(
      await screen.findByText('Der Chat konnte nicht geöffnet werden. Ihr Konto ist gesperrt.'),
    ).toHaveAttribute('role', 'alert');
    expect(router.state.location.pathname).toBe(`/nanos/${nano.id}`);
  });
});
