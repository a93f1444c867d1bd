import { Anchor, Group } from '@mantine/core';
import type { Nano, PublicProfile, Rating } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../../shared/auth/get-current-user.ts';
import { paths } from '../../../shared/routes.ts';
import { FlagButton } from './flag-button.tsx';

/**
 * Beside a Nano's actions: "Melden" (signed-in users; guests via the login) and the link to the
 * copyright notice form (everyone). Neither for the Nano's own creator.
 */
export function NanoReportActions({ nano }: { nano: Nano }) {
  const { t } = useTranslation();
  const { data: user, isPending } = useCurrentUser();
  if (isPending || user?.username === nano.creator.username || nano.status !== 'published') {
    return null;
  }
  return (
    <Group gap="xs" wrap="wrap">
      <FlagButton target={{ type: 'nano', id: nano.id, label: nano.title }} />
      <Anchor
        component={Link}
        to={paths.takedownNotice.getHref(nano.id)}
        size="sm"
        c="gray.8"
        underline="always"
      >
        {t('trust.takedown.link')}
      </Anchor>
    </Group>
  );
}

/**
 * "Melden" under a rating of someone else, for signed-in users (like "Hilfreich"; guests report
 * via the Nano's own button and the login).
 */
export function RatingFlagAction({ rating }: { rating: Rating }) {
  const { t } = useTranslation();
  const { data: user } = useCurrentUser();
  if (rating.mine || !user) {
    return null;
  }
  const name = rating.author.displayName;
  return (
    <FlagButton
      size="compact-sm"
      target={{ type: 'rating', id: rating.id, label: t('trust.flag.ratingOf', { name }) }}
      context={t('trust.flag.ratingOf', { name })}
    />
  );
}

/** "Profil melden" on a public profile (not on one's own). */
export function ProfileFlagAction({ profile }: { profile: PublicProfile }) {
  const { data: user, isPending } = useCurrentUser();
  if (isPending || user?.username === profile.username) {
    return null;
  }
  return <FlagButton target={{ type: 'user', id: profile.id, label: profile.displayName }} />;
}
