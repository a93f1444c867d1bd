import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Appeal } from '@nano/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../../shared/auth/get-current-user.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatDateTime } from '../../../shared/nanos/format.ts';
import { paths } from '../../../shared/routes.ts';
import { AppealDecisionForm } from './appeal-decision-form.tsx';
import { DecisionSummary } from './decision-summary.tsx';
import { SlaBadge } from './sla.tsx';

const STATUS_COLORS = { open: 'orange.4', upheld: 'gray.8', reversed: 'teal.9' } as const;
const TEXT_STYLE = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

interface AppealItemProps {
  appeal: Appeal;
  onDecided: (appeal: Appeal, outcome: 'reverse' | 'uphold') => void;
}

/**
 * One appeal: the original decision (action, rules, facts, who decided), the appellant's text,
 * and — while open — the decision, which the original moderator cannot take.
 */
export function AppealItem({ appeal, onDecided }: AppealItemProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useCurrentUser().data;
  const [deciding, setDeciding] = useState(false);
  const headingId = useId();
  const { decision } = appeal;
  const ownDecision = appeal.originalModerator !== null && appeal.originalModerator.id === me?.id;
  const open = appeal.status === 'open';
  return (
    <Paper component="li" withBorder radius="md" p="md" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2}>
            <Title order={3} size="h4" id={headingId} style={{ overflowWrap: 'anywhere' }}>
              {t('moderation.appeals.itemLabel', { label: decision.targetLabel })}
            </Title>
            {decision.targetType === 'nano' && (
              <Anchor component={Link} to={paths.nanoDetail.getHref(decision.targetId)} size="sm">
                {t('moderation.flag.openNano', { title: decision.targetLabel })}
              </Anchor>
            )}
          </Stack>
          <Group gap="xs">
            <Badge color={STATUS_COLORS[appeal.status]} autoContrast variant="filled" tt="none">
              {t(`moderation.appeals.status.${appeal.status}`)}
            </Badge>
            {open && <SlaBadge ageHours={appeal.ageHours} sla={appeal.sla} />}
          </Group>
        </Group>
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('moderation.appeals.original')}
            {' · '}
            {appeal.originalModerator
              ? t('moderation.appeals.decidedBy', {
                  name: appeal.originalModerator.displayName,
                  date: formatDateTime(decision.decidedAt, locale),
                })
              : t('moderation.appeals.automatedBy', { date: formatDateTime(decision.decidedAt, locale) })}
          </Text>
          <DecisionSummary decision={decision} />
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {appeal.appellant
              ? t('moderation.appeals.appellant', { name: appeal.appellant.displayName })
              : t('moderation.appeals.deletedAppellant')}
            {' · '}
            {t('moderation.appeals.submittedAt', { date: formatDateTime(appeal.createdAt, locale) })}
          </Text>
          <Paper withBorder radius="sm" p="sm" bg="var(--mantine-color-gray-0)">
            <Text size="sm" style={TEXT_STYLE}>
              {appeal.text}
            </Text>
          </Paper>
        </Stack>
        {appeal.outcomeStatement && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('moderation.appeals.outcomeStatement')}
              {appeal.decidedAt ? ` · ${formatDateTime(appeal.decidedAt, locale)}` : ''}
            </Text>
            <Text size="sm" style={TEXT_STYLE}>
              {appeal.outcomeStatement}
            </Text>
          </Stack>
        )}
        {open && !deciding && (
          <Stack gap={4}>
            <Button
              variant="default"
              w="fit-content"
              onClick={() => setDeciding(true)}
              disabled={ownDecision}
            >
              {t('moderation.appeals.decide')}
            </Button>
            {ownDecision && (
              <Text size="sm" c="dimmed">
                {t('moderation.appeals.sameModerator')}
              </Text>
            )}
          </Stack>
        )}
        {open && deciding && (
          <Paper withBorder radius="sm" p="sm">
            <AppealDecisionForm
              appeal={appeal}
              ownDecision={ownDecision}
              onCancel={() => setDeciding(false)}
              onDone={(outcome) => {
                setDeciding(false);
                onDecided(appeal, outcome);
              }}
            />
          </Paper>
        )}
      </Stack>
    </Paper>
  );
}
