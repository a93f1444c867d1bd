import { Anchor, Badge, Table, Text } from '@mantine/core';
import type { FlagQueueItem } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatDateTime } from '../../../shared/nanos/format.ts';
import { paths } from '../../../shared/routes.ts';
import type { FlagStatus } from '../api/get-flags.ts';
import { SlaBadge } from './sla.tsx';

/** "Spam (2), Belästigung": the reporters' reasons, each once, with how often it was given. */
export function useReasonSummary() {
  const { t } = useTranslation();
  return (flags: FlagQueueItem['flags']) => {
    const counts = new Map<FlagQueueItem['flags'][number]['reason'], number>();
    for (const flag of flags) {
      counts.set(flag.reason, (counts.get(flag.reason) ?? 0) + 1);
    }
    return [...counts]
      .map(([reason, count]) => `${t(`chat.flag.reasons.${reason}`)}${count > 1 ? ` (${count})` : ''}`)
      .join(', ');
  };
}

/** The latest resolution of a resolved target: when and what. */
function Resolution({ item }: { item: FlagQueueItem }) {
  const locale = useLocale();
  const resolved = item.flags.find((flag) => flag.resolvedAt !== null);
  if (!resolved?.resolvedAt) {
    return null;
  }
  return (
    <Text size="sm">
      <time dateTime={resolved.resolvedAt}>{formatDateTime(resolved.resolvedAt, locale)}</time>
      {resolved.resolution ? ` · ${resolved.resolution}` : ''}
    </Text>
  );
}

/** Flagged targets: the content (link to the detail), its kind, the reasons, how many flags, age or resolution. */
export function FlagTable({ items, status }: { items: FlagQueueItem[]; status: FlagStatus }) {
  const { t } = useTranslation();
  const reasonSummary = useReasonSummary();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Caption>{t(`moderation.flags.caption.${status}`)}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('moderation.flags.columns.target')}</Table.Th>
            <Table.Th scope="col">{t('moderation.flags.columns.type')}</Table.Th>
            <Table.Th scope="col">{t('moderation.flags.columns.reasons')}</Table.Th>
            <Table.Th scope="col">{t('moderation.flags.columns.count')}</Table.Th>
            <Table.Th scope="col">
              {status === 'open' ? t('moderation.flags.columns.age') : t('moderation.flags.status.resolved')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td maw={360}>
                <Anchor
                  component={Link}
                  to={paths.moderationFlag.getHref(item.id)}
                  fw={600}
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {item.target.label}
                </Anchor>
                {item.target.owner && (
                  <Text size="xs" c="dimmed">
                    {t('moderation.flags.by', { name: item.target.owner.displayName })}
                  </Text>
                )}
                {!item.target.exists && (
                  <Text size="xs" c="red.9">
                    {t('moderation.flags.gone')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Badge variant="outline" color="blue.9" tt="none" miw="max-content">
                  {t(`moderation.flags.targetType.${item.target.type}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{reasonSummary(item.flags)}</Text>
              </Table.Td>
              <Table.Td>{t('moderation.flags.reporters', { count: item.flags.length })}</Table.Td>
              <Table.Td>
                {status === 'open' ? (
                  <SlaBadge ageHours={item.ageHours} sla={item.sla} />
                ) : (
                  <Resolution item={item} />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
