import { Anchor, Badge, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { PublicProfile } from '@nano/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../shared/api/client.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { paths } from '../../../shared/routes.ts';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { UserAvatar } from '../../../shared/ui/user-avatar.tsx';
import { usePublicProfile } from '../api/get-public-profile.ts';

/** Only web addresses become links (never `javascript:` or the like). */
function safeWebsite(website: string | null): string | undefined {
  if (!website) {
    return undefined;
  }
  try {
    const url = new URL(website);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Actions the app adds to a profile card (the report button), composed in the router. */
export type ProfileActions = (profile: PublicProfile) => ReactNode;

function ProfileCard({ profile, actions }: { profile: PublicProfile; actions?: ProfileActions | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const website = safeWebsite(profile.website);
  const memberSince = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' }).format(
    new Date(profile.memberSince),
  );
  const roleLabel = profile.role === 'consumer' ? undefined : t(`roles.${profile.role}`);
  const position = [profile.jobTitle, profile.company].filter(Boolean).join(' · ');

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
      <Stack gap="lg">
        <Group gap="lg" wrap="nowrap" align="center">
          <UserAvatar name={profile.displayName} url={profile.avatarUrl} size={96} />
          <Stack gap={4}>
            <Title order={1} size="h2">
              {profile.displayName}
            </Title>
            <Text c="dimmed">@{profile.username}</Text>
            <Group gap="xs">
              {roleLabel && (
                <Badge color="blue.8" variant="filled">
                  {roleLabel}
                </Badge>
              )}
              {profile.verified && (
                <Badge color="teal.9" variant="filled">
                  {t('publicProfile.verified')}
                </Badge>
              )}
            </Group>
          </Stack>
        </Group>
        {position && <Text fw={500}>{position}</Text>}
        {profile.bio && <Text style={{ whiteSpace: 'pre-line' }}>{profile.bio}</Text>}
        <Stack gap={4}>
          {website && (
            <Text size="sm">
              {t('publicProfile.website')}{' '}
              <Anchor href={website} target="_blank" rel="noopener noreferrer nofollow ugc">
                {profile.website}
              </Anchor>
            </Text>
          )}
          <Text size="sm">{t('publicProfile.memberSince', { date: memberSince })}</Text>
        </Stack>
        {actions && <Group gap="sm">{actions(profile)}</Group>}
      </Stack>
    </Paper>
  );
}

function ProfileNotFound() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" align="flex-start">
      <Title order={1}>{t('publicProfile.notFoundTitle')}</Title>
      <Text>{t('publicProfile.notFoundText')}</Text>
      <Anchor component={Link} to={paths.home.getHref()}>
        {t('notFound.home')}
      </Anchor>
    </Stack>
  );
}

/** `/nutzer/:username`: a user's public card (details only for creators, as the API decides). */
export function PublicProfilePage({ actions }: { actions?: ProfileActions }) {
  const { t } = useTranslation();
  const { username = '' } = useParams();
  const profile = usePublicProfile(username);
  const notFound = profile.error instanceof ApiError && profile.error.status === 404;
  useDocumentTitle(
    t('app.documentTitle', {
      page:
        profile.data?.displayName ?? (notFound ? t('publicProfile.notFoundTitle') : t('publicProfile.title')),
    }),
  );

  const renderContent = () => {
    if (profile.isPending) {
      return <PageLoader />;
    }
    if (notFound) {
      return <ProfileNotFound />;
    }
    if (profile.isError) {
      return (
        <Stack gap="md">
          <Title order={1}>{t('publicProfile.title')}</Title>
          <ErrorAlert
            error={profile.error}
            message={t('publicProfile.loadError')}
            onRetry={() => void profile.refetch()}
            retrying={profile.isFetching}
          />
        </Stack>
      );
    }
    return <ProfileCard profile={profile.data} actions={actions} />;
  };

  return (
    <Container size="sm" py="xl">
      {renderContent()}
    </Container>
  );
}
