import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { MODERATION_LIMITS, type ReviewDetail } from '@nano/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatCount, formatDate } from '../../../shared/nanos/format.ts';
import { paths } from '../../../shared/routes.ts';

type Creator = ReviewDetail['creator'];

/** One figure of the card: the number big, its meaning below. */
function Figure({ label, value, warn = false }: { label: string; value: string; warn?: boolean }) {
  return (
    <Stack gap={0}>
      <Text fw={700} size="lg" c={warn ? 'red.9' : undefined}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}

/**
 * The creator's standing at a glance: trusted or new, verified provider, approvals and
 * rejections, this month's submissions against the quota, open flags and upheld takedowns.
 */
export function CreatorHistoryCard({ creator }: { creator: Creator }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {t('moderation.review.creatorTitle')}
        </Title>
        <Stack gap={2}>
          <Text fw={600}>{creator.displayName}</Text>
          <Text size="sm" c="dimmed">
            @{creator.username} ·{' '}
            {t('moderation.review.memberSince', { date: formatDate(creator.memberSince, locale) })}
          </Text>
        </Stack>
        <Group gap="xs">
          {creator.trusted ? (
            <Badge color="teal.9" variant="filled" tt="none">
              {t('moderation.review.trusted')}
            </Badge>
          ) : (
            <Badge color="gray.3" autoContrast variant="filled" tt="none">
              {t('moderation.review.untrusted')}
            </Badge>
          )}
          {creator.verified && (
            <Badge color="blue.9" variant="outline" tt="none">
              {t('moderation.review.verified')}
            </Badge>
          )}
        </Group>
        <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
          <Figure
            label={t('moderation.review.stats.approved')}
            value={formatCount(creator.approvedCount, locale)}
          />
          <Figure
            label={t('moderation.review.stats.rejected')}
            value={formatCount(creator.rejectedCount, locale)}
          />
          <Figure
            label={t('moderation.review.stats.submissionsThisMonth')}
            value={
              creator.trusted
                ? formatCount(creator.submissionsThisMonth, locale)
                : t('moderation.review.quota', {
                    count: creator.submissionsThisMonth,
                    max: MODERATION_LIMITS.newCreatorMonthlySubmissions,
                  })
            }
          />
          <Figure
            label={t('moderation.review.stats.openFlags')}
            value={formatCount(creator.openFlags, locale)}
            warn={creator.openFlags > 0}
          />
          <Figure
            label={t('moderation.review.stats.upheldTakedowns')}
            value={formatCount(creator.upheldTakedowns, locale)}
            warn={creator.upheldTakedowns > 0}
          />
        </SimpleGrid>
        <Anchor component={Link} to={paths.publicProfile.getHref(creator.username)} size="sm">
          {t('moderation.review.profile')}
        </Anchor>
      </Stack>
    </Paper>
  );
}
