import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { problemResponse } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import { chatMessage, mockConversation, todayAt } from './conversation-fixtures.ts';

/** Opens the conversation with one message of each side and the flag dialog for the other party's. */
async function openFlagDialog(flagAnswer: () => unknown) {
  let theirs = '';
  const conversation = mockConversation({
    history: (session) => {
      const messages = [
        chatMessage(session, todayAt(9, 1), 'Meine Antwort', { from: 'anna' }),
        chatMessage(session, todayAt(9), 'Kaufen Sie jetzt bei billig.example!'),
      ];
      theirs = messages[1]?.id ?? '';
      return [{ items: messages }];
    },
    routes: () => ({ [`POST /api/v1/messages/${theirs}/flag`]: flagAnswer }),
  });
  const user = userEvent.setup();
  renderApp(`/chats/${conversation.chat.id}`);
  await screen.findByText('Meine Antwort');
  // Only the other party's messages can be flagged.
  expect(screen.getAllByRole('button', { name: 'Aktionen zur Nachricht' })).toHaveLength(1);
  await user.click(screen.getByRole('button', { name: 'Aktionen zur Nachricht' }));
  await user.click(screen.getByRole('menuitem', { name: 'Nachricht melden' }));
  const dialog = await screen.findByRole('dialog', { name: 'Nachricht melden' });
  return { ...conversation, user, dialog, flagPath: `POST /api/v1/messages/${theirs}/flag` };
}

describe('flag message dialog', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('asks for a reason, sends it with the description and confirms', async () => {
    const { api, user, dialog, flagPath } = await openFlagDialog(() => ({
      id: crypto.randomUUID(),
      targetType: 'message',
      targetId: crypto.randomUUID(),
      reason: 'spam',
      status: 'open',
      createdAt: new Date().toISOString(),
    }));
    expect(within(dialog).getByText('Kaufen Sie jetzt bei billig.example!')).toBeVisible();

    await user.click(within(dialog).getByRole('button', { name: 'Melden' }));
    expect(within(dialog).getByText('Bitte wählen Sie einen Grund.')).toBeVisible();
    expect(api.callsTo(flagPath)).toHaveLength(0);

    await user.selectOptions(within(dialog).getByRole('combobox', { name: /Grund/ }), 'Spam oder Werbung');
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Beschreibung (freiwillig)' }),
      'Werbung für einen Shop',
    );
    expect(within(dialog).getByText('22 / 1000 Zeichen')).toBeVisible();
    await user.click(within(dialog).getByRole('button', { name: 'Melden' }));

    expect(await within(dialog).findByText('Danke, Ihre Meldung ist eingegangen.')).toBeVisible();
    expect(api.callsTo(flagPath)[0]?.body).toEqual({ reason: 'spam', description: 'Werbung für einen Shop' });
    // The dialog's own button (the other "Schließen" is the cross in its title bar).
    await user.click(within(dialog).getAllByRole('button', { name: 'Schließen' }).at(-1) as HTMLElement);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('explains that the message was flagged already (409)', async () => {
    const { user, dialog } = await openFlagDialog(() =>
      problemResponse(409, 'flag_exists', 'Sie haben diesen Inhalt bereits gemeldet.'),
    );

    await user.selectOptions(
      within(dialog).getByRole('combobox', { name: /Grund/ }),
      'Belästigung oder Beleidigung',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Melden' }));

    expect(await within(dialog).findByText('Bereits gemeldet')).toBeVisible();
    expect(
      within(dialog).getByText(
        'Sie haben diese Nachricht schon gemeldet; die Moderation bearbeitet Ihre Meldung noch.',
      ),
    ).toBeVisible();
  });
});
