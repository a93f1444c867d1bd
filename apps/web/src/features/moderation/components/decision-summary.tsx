import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { type ModerationDecision, REASON_CODES, REASON_TEMPLATES, type ReasonCode } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatDateTime } from '../../../shared/nanos/format.ts';

/** A cited rule's title in the interface language; text that is no rule code as it was given. */
export function useReasonTitle() {
  const locale = useLocale();
  return (reason: string) =>
    (REASON_CODES as readonly string[]).includes(reason)
      ? REASON_TEMPLATES[reason as ReasonCode][locale].title
      : reason;
}

/**
 * One statement of reasons as staff see it: what was done (action, occasion, date, automated),
 * the rules cited and the facts; an appeal against it, if any.
 */
export function DecisionSummary({
  decision,
  withTarget = false,
}: {
  decision: ModerationDecision;
  withTarget?: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const reasonTitle = useReasonTitle();
  return (
    <Paper withBorder radius="sm" p="sm">
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Badge variant="outline" color="dark.5" tt="none">
            {t(`moderation.actions.${decision.action}`)}
          </Badge>
          <Text size="sm">
            {t('moderation.decisionCard.source', { source: t(`moderation.sources.${decision.source}`) })} ·{' '}
            <time dateTime={decision.decidedAt}>{formatDateTime(decision.decidedAt, locale)}</time>
          </Text>
          {decision.appeal && (
            <Badge variant="outline" color="blue.9" tt="none">
              {t(`moderation.decisionCard.appealStatus.${decision.appeal.status}`)}
            </Badge>
          )}
        </Group>
        {withTarget && (
          <Text size="sm" fw={500}>
            {decision.targetLabel}
          </Text>
        )}
        {decision.reasons.length > 0 && (
          <Text size="sm">
            <Text span inherit fw={500}>
              {t('moderation.decisionCard.rules')}:
            </Text>{' '}
            {decision.reasons.map(reasonTitle).join(', ')}
          </Text>
        )}
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {decision.statement || t('moderation.decisionCard.noStatement')}
        </Text>
        {decision.automated && (
          <Text size="xs" c="dimmed">
            {t('moderation.decisionCard.automated')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
