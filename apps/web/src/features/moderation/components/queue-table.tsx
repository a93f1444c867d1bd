import { Anchor, Badge, Table, Text } from '@mantine/core';
import type { reviewQueueItemSchema } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatDateTime } from '../../../shared/nanos/format.ts';
import { paths } from '../../../shared/routes.ts';

export type QueueItem = z.infer<typeof reviewQueueItemSchema>;

/** SLA colours: green within the 24 h target, orange up to 48 h, red beyond (text decides contrast). */
export const SLA_COLORS: Record<QueueItem['sla'], string> = {
  ok: 'teal.9',
  warning: 'orange.4',
  overdue: 'red.9',
};

/** "5 Std." below two days, "3 T." beyond. */
function useAgeLabel() {
  const { t } = useTranslation();
  return (hours: number) =>
    hours < 48
      ? t('moderation.age.hours', { count: Math.floor(hours) })
      : t('moderation.age.days', { count: Math.floor(hours / 24) });
}

/** The queue, oldest first: type, title, creator, version, submitted, age with SLA colour. */
export function QueueTable({ items }: { items: QueueItem[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const ageLabel = useAgeLabel();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Caption>{t('moderation.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('moderation.columns.title')}</Table.Th>
            <Table.Th scope="col">{t('moderation.columns.type')}</Table.Th>
            <Table.Th scope="col">{t('moderation.columns.creator')}</Table.Th>
            <Table.Th scope="col">{t('moderation.columns.version')}</Table.Th>
            <Table.Th scope="col">{t('moderation.columns.submitted')}</Table.Th>
            <Table.Th scope="col">{t('moderation.columns.age')}</Table.Th>
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
                <Badge
                  variant={item.type === 'new' ? 'filled' : 'outline'}
                  color="blue.9"
                  tt="none"
                  miw="max-content"
                  data-type={item.type}
                >
                  {t(`moderation.type.${item.type}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{item.creator.displayName}</Text>
                <Text size="xs" c="dimmed">
                  @{item.creator.username}
                </Text>
              </Table.Td>
              <Table.Td>{item.semver}</Table.Td>
              <Table.Td>{formatDateTime(item.submittedAt, locale)}</Table.Td>
              <Table.Td>
                <Badge
                  color={SLA_COLORS[item.sla]}
                  autoContrast
                  variant="filled"
                  tt="none"
                  miw="max-content"
                  data-sla={item.sla}
                >
                  {`${ageLabel(item.ageHours)} · ${t(`moderation.sla.${item.sla}`)}`}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
