import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../../shared/auth/get-current-user.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatDateTime } from '../../../shared/nanos/format.ts';
import { paths } from '../../../shared/routes.ts';
import type { ReviewQueueItem, ReviewQueueSort } from '../api/get-review-queue.ts';
import { formatUntil } from './format.ts';
import { SlaBadge } from './sla.tsx';

/** Who reviews an item right now: "frei", "von Ihnen bis 14:30" or "in Bearbeitung von X bis 14:30". */
function ClaimCell({ claim }: { claim: ReviewQueueItem['claim'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useCurrentUser().data;
  if (!claim || new Date(claim.expiresAt).getTime() <= Date.now()) {
    return (
      <Text size="sm" c="dimmed">
        {t('moderation.reviews.unclaimed')}
      </Text>
    );
  }
  const time = formatUntil(claim.expiresAt, locale);
  return (
    <Text size="sm" data-claimed="true">
      {claim.by.id === me?.id
        ? t('moderation.reviews.claimedByMe', { time })
        : t('moderation.reviews.claimedBy', { name: claim.by.displayName, time })}
    </Text>
  );
}

/** One review queue: title, creator, version, submitted, age with SLA colour, who reviews it. */
export function ReviewQueueTable({ items, sort }: { items: ReviewQueueItem[]; sort: ReviewQueueSort }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Caption>{t(`moderation.reviews.caption.${sort}`)}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('moderation.reviews.columns.title')}</Table.Th>
            <Table.Th scope="col">{t('moderation.reviews.columns.creator')}</Table.Th>
            <Table.Th scope="col">{t('moderation.reviews.columns.version')}</Table.Th>
            <Table.Th scope="col">{t('moderation.reviews.columns.submitted')}</Table.Th>
            <Table.Th scope="col">{t('moderation.reviews.columns.age')}</Table.Th>
            <Table.Th scope="col">{t('moderation.reviews.columns.claim')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.versionId}>
              <Table.Td>
                <Anchor component={Link} to={paths.moderationReview.getHref(item.nanoId)} fw={600}>
                  {item.title}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{item.creator.displayName}</Text>
                <Text size="xs" c="dimmed">
                  @{item.creator.username}
                </Text>
              </Table.Td>
              <Table.Td>{item.semver}</Table.Td>
              <Table.Td>
                <time dateTime={item.submittedAt}>{formatDateTime(item.submittedAt, locale)}</time>
              </Table.Td>
              <Table.Td>
                <SlaBadge ageHours={item.ageHours} sla={item.sla} />
              </Table.Td>
              <Table.Td>
                <ClaimCell claim={item.claim ?? null} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
