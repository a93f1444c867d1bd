import { Anchor, Badge, Container, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReviewDetail } from '@nano/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../shared/api/client.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatBytes, formatDateTime } from '../../../shared/nanos/format.ts';
import { NanoFactBadges, NanoLicense, NanoTopics } from '../../../shared/nanos/nano-facts.tsx';
import { NanoStatusBadge } from '../../../shared/nanos/status-badge.tsx';
import { NanoViewer } from '../../../shared/nanos/viewer/nano-viewer.tsx';
import { paths } from '../../../shared/routes.ts';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { InfoAlert } from '../../../shared/ui/info-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { useReviewDetail } from '../api/get-review-detail.ts';
import { CreatorHistoryCard } from './creator-history-card.tsx';
import { DecisionForm } from './decision-form.tsx';
import { MetadataChanges } from './metadata-changes.tsx';
import { ReviewClaimCard } from './review-claim-card.tsx';
import { ReviewHistory } from './review-history.tsx';
import { SlaBadge } from './sla.tsx';
import { useReviewClaim } from './use-review-claim.ts';
import { REVIEW_QUEUE_SLUGS } from './workspace-tabs.ts';

/** The metadata a moderator checks against the content. */
function Metadata({ detail }: { detail: ReviewDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { nano } = detail;
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

function BackLink({ detail }: { detail?: ReviewDetail }) {
  const { t } = useTranslation();
  const queue = REVIEW_QUEUE_SLUGS[detail?.queueType ?? 'new'];
  return (
    <Anchor component={Link} to={paths.moderationReviews.getHref(queue)} size="sm">
      {t('moderation.review.back')}
    </Anchor>
  );
}

function Review({ detail }: { detail: ReviewDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { nano, version } = detail;
  const claim = useReviewClaim(nano.id, detail.claim);
  const waiting = detail.queueType !== null && version !== null;
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <BackLink detail={detail} />
        <Title order={1}>{t('moderation.review.title', { title: nano.title })}</Title>
        <Group gap="sm">
          <NanoStatusBadge status={nano.status} />
          {detail.queueType && (
            <Badge variant={detail.queueType === 'new' ? 'filled' : 'outline'} color="blue.9" tt="none">
              {t(`moderation.type.${detail.queueType}`)}
            </Badge>
          )}
          {detail.ageHours !== null && detail.sla && <SlaBadge ageHours={detail.ageHours} sla={detail.sla} />}
          <Text size="sm">
            {t('moderation.review.byline', {
              name: detail.creator.displayName,
              semver: version?.semver ?? '—',
              date: version?.submittedAt ? formatDateTime(version.submittedAt, locale) : '—',
            })}
          </Text>
        </Group>
        {version && (
          <Text size="sm" c="dimmed">
            {t('moderation.review.versionFacts', {
              files: t('moderation.review.files', { count: version.fileCount }),
              size: formatBytes(version.sizeBytes, locale),
            })}
          </Text>
        )}
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
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
          <Stack gap="xl">
            {version ? (
              <NanoViewer nanoId={nano.id} version={version} title={nano.title} headingOrder={2} />
            ) : (
              <Text>{t('nano.noFile')}</Text>
            )}
            <MetadataChanges detail={detail} />
            <Metadata detail={detail} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
          <Stack gap="md">
            {waiting && <ReviewClaimCard claim={claim} />}
            <CreatorHistoryCard creator={detail.creator} />
            {waiting && (
              <Paper withBorder radius="md" p="md">
                <DecisionForm
                  detail={detail}
                  onInteract={claim.claimOnInteraction}
                  locked={claim.state === 'other'}
                />
              </Paper>
            )}
            <ReviewHistory history={detail.history} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/**
 * `/moderation/nanos/:id`: the version under review in the viewer with the metadata diff on the
 * left; the claim, the creator's history, checklist, reasons, note and decision on the right.
 */
export function ReviewPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const detail = useReviewDetail(id);
  const notFound =
    detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 400);
  useDocumentTitle(
    t('app.documentTitle', {
      page: detail.data
        ? t('moderation.review.title', { title: detail.data.nano.title })
        : t('moderation.review.documentTitle'),
    }),
  );

  const renderContent = () => {
    if (detail.isPending) {
      return <PageLoader />;
    }
    // A failed background refresh keeps the review on screen.
    if (detail.data) {
      return <Review detail={detail.data} />;
    }
    if (notFound) {
      return (
        <Stack gap="md" align="flex-start">
          <Title order={1}>{t('nano.notFoundTitle')}</Title>
          <Text>{t('moderation.review.notFound')}</Text>
          <BackLink />
        </Stack>
      );
    }
    return (
      <ErrorAlert
        error={detail.error}
        message={t('moderation.review.loadError')}
        onRetry={() => void detail.refetch()}
        retrying={detail.isFetching}
      />
    );
  };

  return (
    <Container size="xl" py="xl">
      {renderContent()}
    </Container>
  );
}
