import { Anchor, Badge, Container, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { Nano } from '@nano/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../shared/api/client.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { useNano } from '../../../shared/nanos/api/get-nano.ts';
import { formatDateTime } from '../../../shared/nanos/format.ts';
import { NanoFactBadges, NanoLicense, NanoTopics } from '../../../shared/nanos/nano-facts.tsx';
import { NanoStatusBadge } from '../../../shared/nanos/status-badge.tsx';
import { NanoViewer } from '../../../shared/nanos/viewer/nano-viewer.tsx';
import { paths } from '../../../shared/routes.ts';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { InfoAlert } from '../../../shared/ui/info-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { DecisionForm } from './decision-form.tsx';

/** The metadata a moderator checks against the content. */
function Metadata({ nano }: { nano: Nano }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <Stack component="section" aria-labelledby={headingId} gap="sm">
      <Title order={2} id={headingId}>
        {t('moderation.review.metadata')}
      </Title>
      <NanoFactBadges nano={nano} />
      <Text style={{ whiteSpace: 'pre-line' }}>{nano.description || t('nano.noDescription')}</Text>
      <NanoLicense nano={nano} headingOrder={3} />
      <NanoTopics nano={nano} headingOrder={3} />
    </Stack>
  );
}

function Review({ nano }: { nano: Nano }) {
  const { t } = useTranslation();
  const locale = useLocale();
  // A new version waits as the pending one; a restored Nano is reviewed with its current version.
  const version = nano.pendingVersion ?? nano.currentVersion;
  const isUpdate = nano.status === 'published';
  const waiting = nano.status === 'pending_review' || nano.pendingVersion?.status === 'pending_review';
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Anchor component={Link} to={paths.moderationQueue.getHref()} size="sm">
          {t('moderation.review.back')}
        </Anchor>
        <Title order={1}>{t('moderation.review.title', { title: nano.title })}</Title>
        <Group gap="sm">
          <NanoStatusBadge status={nano.status} />
          <Badge variant={isUpdate ? 'outline' : 'filled'} color="blue.9" tt="none">
            {t(`moderation.type.${isUpdate ? 'update' : 'new'}`)}
          </Badge>
          <Text size="sm">
            {t('moderation.review.byline', {
              name: nano.creator.displayName,
              semver: version?.semver ?? '—',
              date: version ? formatDateTime(version.createdAt, locale) : '—',
            })}
          </Text>
        </Group>
        {version?.changelog && (
          <Text size="sm">{t('moderation.review.changelog', { changelog: version.changelog })}</Text>
        )}
      </Stack>
      {!waiting && (
        <InfoAlert title={t('moderation.review.nothingTitle')}>
          {t('moderation.review.nothingText')}
        </InfoAlert>
      )}
      <Grid gutter="xl">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="xl">
            {version ? (
              <NanoViewer nanoId={nano.id} version={version} title={nano.title} headingOrder={2} />
            ) : (
              <Text>{t('nano.noFile')}</Text>
            )}
            <Metadata nano={nano} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          {waiting && (
            <Paper withBorder radius="md" p="md" pos="sticky" top={80}>
              <DecisionForm nano={nano} />
            </Paper>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** `/moderation/nanos/:id`: the version under review in the viewer, its metadata, checklist and decision. */
export function ReviewPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const nano = useNano(id);
  const notFound = nano.error instanceof ApiError && (nano.error.status === 404 || nano.error.status === 400);
  useDocumentTitle(t('app.documentTitle', { page: t('moderation.review.documentTitle') }));

  const renderContent = () => {
    if (nano.isPending) {
      return <PageLoader />;
    }
    if (notFound || (nano.data && !nano.data.permissions.review)) {
      return (
        <Stack gap="md" align="flex-start">
          <Title order={1}>{t('nano.notFoundTitle')}</Title>
          <Anchor component={Link} to={paths.moderationQueue.getHref()}>
            {t('moderation.review.back')}
          </Anchor>
        </Stack>
      );
    }
    if (nano.isError) {
      return (
        <ErrorAlert
          error={nano.error}
          message={t('nano.loadError')}
          onRetry={() => void nano.refetch()}
          retrying={nano.isFetching}
        />
      );
    }
    return <Review nano={nano.data} />;
  };

  return (
    <Container size="xl" py="xl">
      {renderContent()}
    </Container>
  );
}
