import { Anchor, Badge, Box, Group, Image, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { NanoSummary } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { FavoriteCount, RatingSummary } from '../../../shared/nanos/counters.tsx';
import { formatCount, formatDate } from '../../../shared/nanos/format.ts';
import { NanoStatusBadge } from '../../../shared/nanos/status-badge.tsx';
import { paths } from '../../../shared/routes.ts';
import type { StatusAction } from '../api/change-nano-status.ts';
import { MyNanoActionsMenu } from './my-nano-actions-menu.tsx';

interface MyNanosTableProps {
  items: NanoSummary[];
  onAction: (action: StatusAction, nano: Pick<NanoSummary, 'id' | 'title'>) => void;
}

function Thumbnail({ url }: { url: string | null }) {
  if (!url) {
    return <Box w={80} h={45} bg="gray.3" style={{ borderRadius: 'var(--mantine-radius-sm)' }} />;
  }
  return <Image src={url} alt="" w={80} h={45} radius="sm" fit="cover" />;
}

/** The creator's Nanos: status, counters and the actions of each. */
export function MyNanosTable({ items, onAction }: MyNanosTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Caption>{t('myNanos.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">
              <VisuallyHidden>{t('myNanos.thumbnail')}</VisuallyHidden>
            </Table.Th>
            <Table.Th scope="col">{t('myNanos.columns.title')}</Table.Th>
            <Table.Th scope="col">{t('myNanos.columns.status')}</Table.Th>
            <Table.Th scope="col">{t('myNanos.columns.updated')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('myNanos.columns.views')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('myNanos.columns.downloads')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('myNanos.columns.favorites')}
            </Table.Th>
            <Table.Th scope="col">{t('myNanos.columns.rating')}</Table.Th>
            <Table.Th scope="col">{t('myNanos.columns.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((nano) => (
            <Table.Tr key={nano.id}>
              <Table.Td>
                <Thumbnail url={nano.thumbnailUrl} />
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={paths.nanoDetail.getHref(nano.id)} fw={600}>
                  {nano.title}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <NanoStatusBadge status={nano.status} />
                  {/* The server also flags a first submission; the marker is for updates of a live Nano. */}
                  {nano.hasPendingVersion && nano.status === 'published' && (
                    <Badge variant="outline" color="blue.9" size="sm" tt="none">
                      {t('myNanos.pendingVersion')}
                    </Badge>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDate(nano.updatedAt, locale)}</Text>
              </Table.Td>
              <Table.Td ta="right">{formatCount(nano.counters.views, locale)}</Table.Td>
              <Table.Td ta="right">{formatCount(nano.counters.downloads, locale)}</Table.Td>
              <Table.Td ta="right">
                <FavoriteCount count={nano.counters.favorites} size="sm" />
              </Table.Td>
              <Table.Td>
                <RatingSummary
                  average={nano.counters.ratingAverage}
                  count={nano.counters.ratingCount}
                  size="sm"
                />
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <MyNanoActionsMenu nano={nano} onAction={onAction} />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
