import { Anchor, Badge, Container, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { FlagDetail } from '@nano/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../shared/api/client.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatDateTime } from '../../../shared/nanos/format.ts';
import { paths } from '../../../shared/routes.ts';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { InfoAlert } from '../../../shared/ui/info-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { useFlag } from '../api/get-flag.ts';
import { DecisionSummary } from './decision-summary.tsx';
import { FlagContext } from './flag-context.tsx';
import { FlagResolveForm } from './flag-resolve-form.tsx';
import { SlaBadge } from './sla.tsx';

function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to={paths.moderationFlags.getHref()} size="sm">
      {t('moderation.flag.back')}
    </Anchor>
  );
}

/** Every flag on the target: reason, description, reporter, date, resolution. */
function Reports({ flags }: { flags: FlagDetail['flags'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  return (
    <Stack component="section" aria-labelledby={headingId} gap="sm">
      <Title order={2} id={headingId}>
        {`${t('moderation.flag.reportsTitle')} (${flags.length})`}
      </Title>
      <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
        {flags.map((flag) => (
          <Paper component="li" key={flag.id} withBorder radius="sm" p="sm">
            <Stack gap={4}>
              <Group gap="xs" justify="space-between">
                <Badge color="red.9" variant="outline" tt="none">
                  {t(`chat.flag.reasons.${flag.reason}`)}
                </Badge>
                <Text size="xs" c="dimmed">
                  {t('moderation.flag.reportedBy', {
                    name: flag.reporter?.displayName ?? t('moderation.flag.deletedReporter'),
                    date: formatDateTime(flag.createdAt, locale),
                  })}
                </Text>
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {flag.description || t('moderation.flag.noDescription')}
              </Text>
              {flag.resolvedAt && (
                <Text size="xs" c="dimmed">
                  {t('moderation.flag.resolution', {
                    date: formatDateTime(flag.resolvedAt, locale),
                    resolution: flag.resolution ?? '—',
                  })}
                </Text>
              )}
            </Stack>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}

/** Decisions that restricted nothing (approvals, "no action") are only counted: they say little about conduct. */
const UNEVENTFUL = new Set(['approve', 'none']);

function OwnerHistory({ decisions }: { decisions: FlagDetail['ownerHistory'] }) {
  const { t } = useTranslation();
  const headingId = useId();
  const relevant = decisions.filter((decision) => !UNEVENTFUL.has(decision.action));
  const approvals = decisions.filter((decision) => decision.action === 'approve').length;
  return (
    <Stack component="section" aria-labelledby={headingId} gap="sm">
      <Title order={2} id={headingId}>
        {t('moderation.flag.ownerHistoryTitle')}
      </Title>
      {relevant.length === 0 ? (
        <Text size="sm">{t('moderation.flag.ownerHistoryEmpty')}</Text>
      ) : (
        <Stack component="ol" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
          {relevant.map((decision) => (
            <li key={decision.id}>
              <DecisionSummary decision={decision} withTarget />
            </li>
          ))}
        </Stack>
      )}
      {approvals > 0 && <Text size="sm">{t('moderation.flag.ownerApprovals', { count: approvals })}</Text>}
    </Stack>
  );
}

function Flag({ detail }: { detail: FlagDetail }) {
  const { t } = useTranslation();
  const open = detail.flags.some((flag) => flag.status === 'open');
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <BackLink />
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          {t('moderation.flag.title', { label: detail.target.label })}
        </Title>
        <Group gap="sm">
          <Badge variant="outline" color="blue.9" tt="none">
            {t(`moderation.flags.targetType.${detail.target.type}`)}
          </Badge>
          {open && <SlaBadge ageHours={detail.ageHours} sla={detail.sla} />}
          <Text size="sm" c="dimmed">
            {t('moderation.flag.viewAudited')}
          </Text>
        </Group>
      </Stack>
      <Grid gutter="xl">
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
          <Stack gap="xl">
            <FlagContext detail={detail} />
            <Reports flags={detail.flags} />
            <OwnerHistory decisions={detail.ownerHistory} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
          <Paper withBorder radius="md" p="md">
            {open ? (
              <FlagResolveForm detail={detail} />
            ) : (
              <InfoAlert title={t('moderation.flag.alreadyResolved')} />
            )}
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** `/moderation/meldungen/:id`: the flagged content in context, the reports, the owner's history and the decision. */
export function FlagDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const flag = useFlag(id);
  const notFound = flag.error instanceof ApiError && (flag.error.status === 404 || flag.error.status === 400);
  useDocumentTitle(
    t('app.documentTitle', {
      page: flag.data
        ? t('moderation.flag.title', { label: flag.data.target.label })
        : t('moderation.flag.documentTitle'),
    }),
  );

  const renderContent = () => {
    if (flag.isPending) {
      return <PageLoader />;
    }
    if (flag.data) {
      return <Flag detail={flag.data} />;
    }
    if (notFound) {
      return (
        <Stack gap="md" align="flex-start">
          <Title order={1}>{t('moderation.flag.documentTitle')}</Title>
          <Text>{t('moderation.flag.notFound')}</Text>
          <BackLink />
        </Stack>
      );
    }
    return (
      <ErrorAlert
        error={flag.error}
        message={t('moderation.flag.loadError')}
        onRetry={() => void flag.refetch()}
        retrying={flag.isFetching}
      />
    );
  };

  return (
    <Container size="xl" py="xl">
      {renderContent()}
    </Container>
  );
}
