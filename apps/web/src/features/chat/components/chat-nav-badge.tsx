import { ActionIcon, Badge, Indicator, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../shared/routes.ts';
import { ChatIcon } from '../../../shared/ui/icons.tsx';
import { useUnreadCount } from '../api/get-unread-count.ts';

/** Above this, the badge shows "99+". */
const BADGE_MAX = 99;

function badgeLabel(unread: number): string {
  return unread > BADGE_MAX ? `${BADGE_MAX}+` : String(unread);
}

/** The header's link to the inbox for signed-in users, with the live number of unread messages. */
export function ChatNavBadge() {
  const { t } = useTranslation();
  const unread = useUnreadCount().data?.unread ?? 0;
  return (
    <Indicator label={badgeLabel(unread)} size={18} disabled={unread === 0} color="red.9" offset={4}>
      <ActionIcon
        component={Link}
        to={paths.chats.getHref()}
        variant="subtle"
        color="dark"
        size="lg"
        aria-label={t('chat.badge.link', { count: unread })}
      >
        <ChatIcon />
      </ActionIcon>
    </Indicator>
  );
}

/** The unread count beside "Nachrichten" in the user menu (nothing when all is read). */
export function UnreadChatsBadge() {
  const { t } = useTranslation();
  const unread = useUnreadCount().data?.unread ?? 0;
  if (unread === 0) {
    return null;
  }
  return (
    <Badge color="red.9" variant="filled" size="sm" tt="none" circle={unread < 10}>
      <span aria-hidden="true">{badgeLabel(unread)}</span>
      <VisuallyHidden>{t('chat.inbox.unread', { count: unread })}</VisuallyHidden>
    </Badge>
  );
}
