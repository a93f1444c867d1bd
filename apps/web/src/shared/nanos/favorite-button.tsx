import { Button, Popover, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/client.ts';
import { useCurrentUser } from '../auth/get-current-user.ts';
import { useLocale } from '../i18n/use-locale.ts';
import { paths } from '../routes.ts';
import { HeartIcon } from '../ui/icons.tsx';
import { useFavoriteCountOverride, useFavoriteIds, useToggleFavorite } from './api/favorites.ts';
import { formatCount } from './format.ts';

interface FavoriteButtonProps {
  nanoId: string;
  /** The favourite count the page loaded with the Nano. */
  count: number;
  /** `sm` on cards, `md` on the Nano page. */
  size?: 'sm' | 'md';
}

/**
 * The heart with the favourite count ("♥ 42"): pressed while the Nano is a favourite. A click
 * changes heart and count at once; if the server refuses, both go back and a note says why.
 * Guests go to the login page and come back here.
 */
export function FavoriteButton({ nanoId, count, size = 'sm' }: FavoriteButtonProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const location = useLocation();
  const signedIn = Boolean(useCurrentUser().data);
  const favoriteIds = useFavoriteIds();
  const toggle = useToggleFavorite();
  const shownCount = useFavoriteCountOverride(nanoId) ?? count;
  const favorited = favoriteIds.data?.has(nanoId) ?? false;

  const onClick = () => {
    if (!signedIn) {
      void navigate(paths.login.getHref(`${location.pathname}${location.search}`));
      return;
    }
    if (toggle.isPending) {
      return;
    }
    toggle.mutate({ nanoId, favorited: !favorited, count: shownCount });
  };

  const label = favorited
    ? t('favorites.button.remove', { count: shownCount })
    : t('favorites.button.add', { count: shownCount });
  return (
    <Popover opened={toggle.isError} onClose={toggle.reset} position="bottom" withArrow>
      <Popover.Target>
        <Button
          variant={size === 'md' ? 'default' : 'subtle'}
          color="gray"
          c="var(--mantine-color-text)"
          size={size === 'md' ? 'sm' : 'compact-sm'}
          aria-pressed={favorited}
          aria-label={label}
          title={label}
          leftSection={
            <span
              style={{
                display: 'inline-flex',
                color: `var(--mantine-color-${favorited ? 'red-8' : 'gray-7'})`,
              }}
            >
              <HeartIcon filled={favorited} size={size === 'md' ? 18 : 16} />
            </span>
          }
          onClick={onClick}
        >
          {formatCount(shownCount, locale)}
        </Button>
      </Popover.Target>
      <Popover.Dropdown maw={260}>
        <Text size="sm" role="alert">
          {toggle.variables?.favorited ? t('favorites.button.addFailed') : t('favorites.button.removeFailed')}
          {toggle.error instanceof ApiError ? ` ${toggle.error.title}` : ''}
        </Text>
      </Popover.Dropdown>
    </Popover>
  );
}
