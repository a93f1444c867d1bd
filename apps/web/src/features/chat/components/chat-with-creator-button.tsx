import { Button, Stack, Text } from '@mantine/core';
import type { Nano } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../../shared/api/client.ts';
import { useCurrentUser } from '../../../shared/auth/get-current-user.ts';
import { paths } from '../../../shared/routes.ts';
import { ChatIcon } from '../../../shared/ui/icons.tsx';
import { useOpenChat } from '../api/open-chat.ts';

/**
 * "Chat mit Creator" on a published Nano's page: opens the conversation with its creator (the
 * server reuses an existing one) and goes there. Guests are sent to the login, and back here
 * afterwards; the creator does not see it on their own Nano.
 */
export function ChatWithCreatorButton({ nano }: { nano: Nano }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: user, isPending } = useCurrentUser();
  const openChat = useOpenChat();

  if (nano.status !== 'published' || isPending || user?.username === nano.creator.username) {
    return null;
  }
  if (!user) {
    return (
      <Button
        component={Link}
        to={paths.login.getHref(paths.nanoDetail.getHref(nano.id))}
        variant="default"
        leftSection={<ChatIcon size={18} />}
        title={t('chat.button.guestHint')}
      >
        {t('chat.button.open')}
      </Button>
    );
  }
  const error = openChat.error;
  return (
    <Stack gap={4} align="flex-start">
      <Button
        variant="default"
        leftSection={<ChatIcon size={18} />}
        loading={openChat.isPending}
        onClick={() =>
          openChat.mutate(nano.id, {
            onSuccess: ({ chat }) => void navigate(paths.chat.getHref(chat.id)),
          })
        }
      >
        {t('chat.button.open')}
      </Button>
      {error && (
        <Text size="sm" c="red.9" role="alert">
          {error instanceof ApiError ? `${t('chat.button.error')} ${error.title}` : t('chat.button.error')}
        </Text>
      )}
    </Stack>
  );
}
