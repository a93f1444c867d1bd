import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Takedown, TakedownStatus } from '@nano/contracts';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatDateTime } from '../../../shared/nanos/format.ts';
import { NanoStatusBadge } from '../../../shared/nanos/status-badge.tsx';
import { paths } from '../../../shared/routes.ts';
import { SlaBadge, useAgeLabel } from './sla.tsx';
import { TakedownDecisionForm } from './takedown-decision-form.tsx';

const STATUS_COLORS: Record<TakedownStatus, string> = {
  unconfirmed: 'gray.3',
  awaiting_response: 'orange.4',
  responded: 'blue.8',
  upheld: 'red.9',
  rejected: 'teal.9',
  expired: 'gray.8',
};

const DECIDABLE: readonly TakedownStatus[] = ['awaiting_response', 'responded'];
const TEXT_STYLE = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" fw={600} tt="uppercase" c="dimmed">
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

/** "noch 31 Std. (bis …)" while the creator may answer, "abgelaufen am …" afterwards. */
function Deadline({ dueAt }: { dueAt: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const ageLabel = useAgeLabel();
  const hoursLeft = (new Date(dueAt).getTime() - Date.now()) / 3_600_000;
  const date = formatDateTime(dueAt, locale);
  return (
    <Text size="sm" fw={hoursLeft > 0 ? 600 : undefined} c={hoursLeft > 0 ? undefined : 'red.9'}>
      {hoursLeft > 0
        ? t('moderation.takedowns.dueIn', { time: ageLabel(hoursLeft), date })
        : t('moderation.takedowns.dueOver', { date })}
    </Text>
  );
}

interface TakedownItemProps {
  takedown: Takedown;
  onDecided: (takedown: Takedown, outcome: 'uphold' | 'reject') => void;
}

/**
 * One copyright notice: the Nano and its creator, the complainant, the work and where the
 * original is, the deadline, the creator's response; and the decision while it is open.
 */
export function TakedownItem({ takedown, onDecided }: TakedownItemProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [deciding, setDeciding] = useState(false);
  const headingId = useId();
  const open = DECIDABLE.includes(takedown.status);
  return (
    <Paper component="li" withBorder radius="md" p="md" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2}>
            <Title order={3} size="h4" id={headingId}>
              <Anchor component={Link} to={paths.nanoDetail.getHref(takedown.nano.id)} inherit>
                {takedown.nano.title}
              </Anchor>
            </Title>
            {takedown.nano.creator && (
              <Text size="sm" c="dimmed">
                {t('moderation.takedowns.nanoBy', { name: takedown.nano.creator.displayName })}
              </Text>
            )}
          </Stack>
          <Group gap="xs">
            <NanoStatusBadge status={takedown.nano.status} />
            <Badge color={STATUS_COLORS[takedown.status]} autoContrast variant="filled" tt="none">
              {t(`moderation.takedowns.status.${takedown.status}`)}
            </Badge>
            {open && <SlaBadge ageHours={takedown.ageHours} sla={takedown.sla} />}
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
          <Fact label={t('moderation.takedowns.complainant')}>
            <Text size="sm">{takedown.complainantName}</Text>
            <Anchor href={`mailto:${takedown.complainantEmail}`} size="sm">
              {takedown.complainantEmail}
            </Anchor>
          </Fact>
          <Fact label={t('moderation.takedowns.received')}>
            <Text size="sm">
              <time dateTime={takedown.confirmedAt ?? takedown.createdAt}>
                {formatDateTime(takedown.confirmedAt ?? takedown.createdAt, locale)}
              </time>
            </Text>
          </Fact>
          <Fact label={t('moderation.takedowns.work')}>
            <Text size="sm" style={TEXT_STYLE}>
              {takedown.work}
            </Text>
          </Fact>
          <Fact label={t('moderation.takedowns.location')}>
            <Text size="sm" style={TEXT_STYLE}>
              {takedown.originalLocation}
            </Text>
          </Fact>
          {takedown.responseDueAt && !takedown.decidedAt && (
            <Fact label={t('moderation.takedowns.deadline')}>
              {takedown.response ? (
                <Text size="sm">{formatDateTime(takedown.responseDueAt, locale)}</Text>
              ) : (
                <Deadline dueAt={takedown.responseDueAt} />
              )}
            </Fact>
          )}
          {takedown.decidedAt && (
            <Fact label={t('moderation.takedowns.decidedAt')}>
              <Text size="sm">{formatDateTime(takedown.decidedAt, locale)}</Text>
            </Fact>
          )}
        </SimpleGrid>
        <Fact label={t('moderation.takedowns.response')}>
          {takedown.response ? (
            <Stack gap={2}>
              <Text size="sm" style={TEXT_STYLE}>
                {takedown.response.text}
              </Text>
              <Text size="xs" c="dimmed">
                {t('moderation.takedowns.respondedAt', {
                  date: formatDateTime(takedown.response.at, locale),
                })}
              </Text>
            </Stack>
          ) : (
            <Text size="sm">{t('moderation.takedowns.noResponse')}</Text>
          )}
        </Fact>
        {open && !deciding && (
          <Button variant="default" w="fit-content" onClick={() => setDeciding(true)}>
            {t('moderation.takedowns.decide')}
          </Button>
        )}
        {open && deciding && (
          <Paper withBorder radius="sm" p="sm">
            <TakedownDecisionForm
              takedown={takedown}
              onCancel={() => setDeciding(false)}
              onDone={(outcome) => {
                setDeciding(false);
                onDecided(takedown, outcome);
              }}
            />
          </Paper>
        )}
      </Stack>
    </Paper>
  );
}
