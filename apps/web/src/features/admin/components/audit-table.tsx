import { Anchor, Button, Code, Stack, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { paths } from '../../../shared/routes.ts';
import type { AuditEvent } from '../api/get-audit-log.ts';
import { AuditDetails } from './audit-details.tsx';
import { OutcomeBadge } from './outcome-badge.tsx';

const COLUMNS = 7;

/** Date and time to the second: the order of events matters in an audit log. */
function formatTimestamp(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));
}

function Actor({ actor }: { actor: AuditEvent['actor'] }) {
  const { t } = useTranslation();
  if (!actor) {
    return <Text size="sm">{t('admin.audit.system')}</Text>;
  }
  return (
    <Stack gap={0}>
      <Anchor component={Link} to={paths.adminUser.getHref(actor.id)} size="sm">
        {actor.displayName}
      </Anchor>
      {actor.username && (
        <Text size="xs" c="dimmed">
          @{actor.username}
        </Text>
      )}
    </Stack>
  );
}

function Target({ event }: { event: AuditEvent }) {
  if (!event.targetType && !event.targetId) {
    return <Text size="sm">–</Text>;
  }
  return (
    <Stack gap={0}>
      {event.targetType && <Text size="sm">{event.targetType}</Text>}
      {event.targetId &&
        (event.targetType === 'user' ? (
          <Anchor component={Link} to={paths.adminUser.getHref(event.targetId)} size="xs" ff="monospace">
            {event.targetId}
          </Anchor>
        ) : (
          <Text size="xs" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
            {event.targetId}
          </Text>
        ))}
    </Stack>
  );
}

/** The events of one page, newest first; each row opens its details (before/after values). */
export function AuditTable({ events }: { events: AuditEvent[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const toggle = (seq: number) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(seq)) {
        next.add(seq);
      }
      return next;
    });
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table verticalSpacing="xs">
        <Table.Caption>{t('admin.audit.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('admin.audit.columns.at')}</Table.Th>
            <Table.Th scope="col">{t('admin.audit.columns.actor')}</Table.Th>
            <Table.Th scope="col">{t('admin.audit.columns.action')}</Table.Th>
            <Table.Th scope="col">{t('admin.audit.columns.target')}</Table.Th>
            <Table.Th scope="col">{t('admin.audit.columns.outcome')}</Table.Th>
            <Table.Th scope="col">{t('admin.audit.columns.ip')}</Table.Th>
            <Table.Th scope="col">{t('admin.audit.columns.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => {
            const expanded = open.has(event.seq);
            const detailsId = `audit-details-${event.seq}`;
            return (
              <Fragment key={event.seq}>
                <Table.Tr>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {formatTimestamp(event.at, locale)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Actor actor={event.actor} />
                  </Table.Td>
                  <Table.Td>
                    <Code>{event.action}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Target event={event} />
                  </Table.Td>
                  <Table.Td>
                    <OutcomeBadge outcome={event.outcome} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {event.ip ?? '–'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      aria-expanded={expanded}
                      aria-controls={expanded ? detailsId : undefined}
                      aria-label={t(expanded ? 'admin.audit.hideDetails' : 'admin.audit.showDetails', {
                        seq: event.seq,
                      })}
                      onClick={() => toggle(event.seq)}
                    >
                      {expanded ? t('admin.audit.less') : t('admin.audit.more')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
                {expanded && (
                  <Table.Tr id={detailsId}>
                    <Table.Td colSpan={COLUMNS} bg="var(--mantine-color-default-hover)">
                      <AuditDetails event={event} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
