import { Button, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useLogout } from '../../features/auth/api/logout.ts';
import { ChatNavBadge, UnreadChatsBadge } from '../../features/chat/components/chat-nav-badge.tsx';
import { NotificationBell } from '../../features/notifications/components/notification-bell.tsx';
import { useCurrentUser } from '../../shared/auth/get-current-user.ts';
import { CREATOR_ROLES, hasRole, STAFF_ROLES } from '../../shared/auth/roles.ts';
import { paths } from '../../shared/routes.ts';
import { UserAvatar } from '../../shared/ui/user-avatar.tsx';
import classes from './app-shell.module.css';

/** Pages after which a login should not lead back (home is the default anyway). */
const NO_RETURN_PATHS = new Set<string>([
  paths.home.path,
  paths.login.path,
  paths.register.path,
  paths.verifyEmail.path,
  paths.forgotPassword.path,
  paths.resetPassword.path,
]);

function GuestLinks() {
  const { t } = useTranslation();
  const location = useLocation();
  const next = NO_RETURN_PATHS.has(location.pathname) ? undefined : `${location.pathname}${location.search}`;
  return (
    <Group gap="xs" wrap="nowrap">
      <Button component={Link} to={paths.login.getHref(next)} variant="default" size="sm">
        {t('userMenu.login')}
      </Button>
      <Button component={Link} to={paths.register.getHref()} size="sm" visibleFrom="sm">
        {t('userMenu.register')}
      </Button>
    </Group>
  );
}

/** The header's sign-in links for guests, or the user menu (avatar or initials and name) when signed in. */
export function SessionControls() {
  const { t } = useTranslation();
  const { data: user, isPending } = useCurrentUser();
  const logout = useLogout();

  if (isPending) {
    return null;
  }
  if (!user) {
    return <GuestLinks />;
  }
  const creator = hasRole(user, CREATOR_ROLES);
  const staff = hasRole(user, STAFF_ROLES);
  return (
    <Group gap="xs" wrap="nowrap">
      <ChatNavBadge />
      <NotificationBell />
      <Menu position="bottom-end" width={240} shadow="md">
        <Menu.Target>
          <UnstyledButton
            className={classes.userButton}
            aria-label={t('userMenu.open', { name: user.displayName })}
          >
            <UserAvatar name={user.displayName} url={user.avatarUrl} size={32} />
            <Text component="span" fw={500} size="sm" visibleFrom="sm" className={classes.userName}>
              {user.displayName}
            </Text>
            <span aria-hidden="true" className={classes.chevron}>
              ▾
            </span>
          </UnstyledButton>
        </Menu.Target>
        {/* Staff menus are longer than a laptop screen: the list scrolls inside the viewport. */}
        <Menu.Dropdown mah="calc(100dvh - 5rem)" style={{ overflowY: 'auto' }}>
          <Menu.Label>{t('userMenu.signedInAs', { username: user.username })}</Menu.Label>
          <Menu.Item component={Link} to={paths.account.getHref()}>
            {t('userMenu.account')}
          </Menu.Item>
          <Menu.Item component={Link} to={paths.publicProfile.getHref(user.username)}>
            {t('userMenu.publicProfile')}
          </Menu.Item>
          <Menu.Item component={Link} to={paths.chats.getHref()} rightSection={<UnreadChatsBadge />}>
            {t('chat.badge.menuItem')}
          </Menu.Item>
          <Menu.Item component={Link} to={paths.favorites.getHref()}>
            {t('userMenu.favorites')}
          </Menu.Item>
          <Menu.Item component={Link} to={paths.lists.getHref()}>
            {t('userMenu.lists')}
          </Menu.Item>
          <Menu.Item component={Link} to={paths.myRatings.getHref()}>
            {t('userMenu.myRatings')}
          </Menu.Item>
          <Menu.Item component={Link} to={paths.savedSearches.getHref()}>
            {t('userMenu.savedSearches')}
          </Menu.Item>
          <Menu.Item component={Link} to={paths.myDecisions.getHref()}>
            {t('trust.menu.decisions')}
          </Menu.Item>
          {creator && (
            <>
              <Menu.Divider />
              <Menu.Item component={Link} to={paths.myNanos.getHref()}>
                {t('userMenu.myNanos')}
              </Menu.Item>
              <Menu.Item component={Link} to={paths.receivedRatings.getHref()}>
                {t('userMenu.receivedRatings')}
              </Menu.Item>
              <Menu.Item component={Link} to={paths.myTakedowns.getHref()}>
                {t('trust.menu.takedowns')}
              </Menu.Item>
              <Menu.Item component={Link} to={paths.creatorAnalytics.getHref()}>
                {t('userMenu.creatorAnalytics')}
              </Menu.Item>
              <Menu.Item component={Link} to={paths.newNano.getHref()}>
                {t('userMenu.uploadNano')}
              </Menu.Item>
            </>
          )}
          {staff && (
            <>
              <Menu.Divider />
              <Menu.Item component={Link} to={paths.moderationQueue.getHref()}>
                {t('userMenu.moderation')}
              </Menu.Item>
              <Menu.Item component={Link} to={paths.moderationChat.getHref()}>
                {t('chat.badge.moderation')}
              </Menu.Item>
            </>
          )}
          {user.role === 'admin' && (
            <>
              <Menu.Divider />
              <Menu.Label>{t('admin.menu.label')}</Menu.Label>
              <Menu.Item component={Link} to={paths.adminUsers.getHref()}>
                {t('admin.menu.users')}
              </Menu.Item>
              <Menu.Item component={Link} to={paths.adminCategories.getHref()}>
                {t('admin.menu.categories')}
              </Menu.Item>
              <Menu.Item component={Link} to={paths.featuredNanos.getHref()}>
                {t('userMenu.featuredNanos')}
              </Menu.Item>
              <Menu.Item component={Link} to={paths.adminAudit.getHref()}>
                {t('admin.menu.audit')}
              </Menu.Item>
              <Menu.Item component={Link} to={paths.adminPrivacy.getHref()}>
                {t('privacyAdmin.menu.privacy')}
              </Menu.Item>
              <Menu.Item component={Link} to={paths.adminLegal.getHref()}>
                {t('privacyAdmin.menu.legal')}
              </Menu.Item>
              <Menu.Item component={Link} to={paths.adminAnalytics.getHref()}>
                {t('admin.menu.analytics')}
              </Menu.Item>
              <Menu.Item component={Link} to={paths.searchAnalytics.getHref()}>
                {t('userMenu.searchAnalytics')}
              </Menu.Item>
            </>
          )}
          {user.role === 'consumer' && (
            <Menu.Item component={Link} to={paths.becomeCreator.getHref()}>
              {t('userMenu.becomeCreator')}
            </Menu.Item>
          )}
          <Menu.Divider />
          <Menu.Item onClick={() => logout.mutate()} disabled={logout.isPending}>
            {t('userMenu.logout')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
