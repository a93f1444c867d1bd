import { Anchor, Badge, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { type AdminUserDetail, type ModerationDecision, REASON_TEMPLATES } from '@nano/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatDateTime } from '../../../shared/nanos/format.ts';
import { auditPageHref } from './audit-params.ts';
import { OutcomeBadge } from './outcome-badge.tsx';

function DecisionItem({ decision }: { decision: ModerationDecision }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Paper withBorder radius="sm" p="sm" component="li">
      <Stack gap={6}>
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Text fw={600}>{t(`admin.decisionActions.${decision.action}`)}</Text>
            <Text size="sm" c="dimmed">
              {t('admin.history.about', {
                type: t(`admin.targetTypes.${decision.targetType}`),
                label: decision.targetLabel,
              })}
            </Text>
          </Group>
          <Text size="sm" c="dimmed">
            {formatDateTime(decision.decidedAt, locale)} · {t(`admin.decisionSources.${decision.source}`)}
            {decision.automated ? ` · ${t('admin.history.automated')}` : ''}
          </Text>
        </Group>
        {decision.reasons.length > 0 && (
          <Group gap={4}>
            {decision.reasons.map((code) => (
              <Badge key={code} variant="outline" color="gray.8" tt="none">
                {REASON_TEMPLATES[code][locale].title}
              </Badge>
            ))}
          </Group>
        )}
        {decision.statement && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {decision.statement}
          </Text>
        )}
        {decision.appeal ? (
          <Text size="sm">
            {t(`admin.history.appeal.${decision.appeal.status}`, {
              date: formatDateTime(decision.appeal.createdAt, locale),
            })}
          </Text>
        ) : (
          decision.appealableUntil && (
            <Text size="sm" c="dimmed">
              {t('admin.history.appealableUntil', { date: formatDateTime(decision.appealableUntil, locale) })}
            </Text>
          )
        )}
      </Stack>
    </Paper>
  );
}

/** The moderation decisions about the user (statements of reasons), newest first. */
export function DecisionHistory({ decisions }: { decisions: ModerationDecision[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId}>
        {t('admin.history.decisionsTitle')}
      </Title>
      {decisions.length === 0 ? (
        <Text size="sm">{t('admin.history.noDecisions')}</Text>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {decisions.map((decision) => (
            <DecisionItem key={decision.id} decision={decision} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

type RecentEvent = AdminUserDetail['recentAudit'][number];

/** Events carry no id here: time and action make the key, numbered where they repeat. */
function keyedEvents(events: RecentEvent[]): Array<{ key: string; event: RecentEvent }> {
  const seen = new Map<string, number>();
  return events.map((event) => {
    const base = `${event.at}|${event.action}`;
    const repeat = seen.get(base) ?? 0;
    seen.set(base, repeat + 1);
    return { key: `${base}|${repeat}`, event };
  });
}

/** The latest audit events about the user, with the way to all of them in the audit log. */
export function RecentAudit({ userId, events }: { userId: string; events: AdminUserDetail['recentAudit'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="baseline">
        <Title order={2} size="h4" id={headingId}>
          {t('admin.history.auditTitle')}
        </Title>
        <Anchor component={Link} to={auditPageHref({ target: userId })} size="sm">
          {t('admin.history.allAudit')}
        </Anchor>
      </Group>
      {events.length === 0 ? (
        <Text size="sm">{t('admin.history.noAudit')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing={6}>
            <Table.Caption>{t('admin.history.auditCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.audit.columns.at')}</Table.Th>
                <Table.Th scope="col">{t('admin.audit.columns.action')}</Table.Th>
                <Table.Th scope="col">{t('admin.audit.columns.actor')}</Table.Th>
                <Table.Th scope="col">{t('admin.audit.columns.outcome')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {keyedEvents(events).map(({ key, event }) => (
                <Table.Tr key={key}>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(event.at, locale)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Code>{event.action}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{event.actor ?? t('admin.audit.system')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <OutcomeBadge outcome={event.outcome} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
