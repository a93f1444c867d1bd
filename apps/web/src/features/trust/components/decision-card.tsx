import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { type ModerationDecision, REASON_TEMPLATES, RESTRICTING_ACTIONS } from '@nano/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatDateTime } from '../../../shared/nanos/format.ts';
import { paths } from '../../../shared/routes.ts';
import { SuccessAlert } from '../../../shared/ui/success-alert.tsx';
import { AppealForm } from './appeal-form.tsx';
import classes from './trust.module.css';

/** Where the user stands with an appeal against the decision. */
type AppealState = 'none' | 'open' | 'closed' | 'appealed';

function appealStateOf(decision: ModerationDecision, now: number): AppealState {
  if (decision.appeal) {
    return 'appealed';
  }
  if (!decision.appealableUntil) {
    return 'none';
  }
  return new Date(decision.appealableUntil).getTime() > now ? 'open' : 'closed';
}

function AppealSection({ decision, formLabel }: { decision: ModerationDecision; formLabel: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [writing, setWriting] = useState(false);
  const [sent, setSent] = useState(false);
  const state = appealStateOf(decision, Date.now());
  if (sent) {
    return <SuccessAlert title={t('trust.appeal.sentTitle')}>{t('trust.appeal.sentText')}</SuccessAlert>;
  }
  switch (state) {
    case 'appealed': {
      const appeal = decision.appeal;
      if (!appeal) {
        return null;
      }
      return (
        <Text size="sm">
          {t(`trust.appeal.status.${appeal.status}`, { date: formatDateTime(appeal.createdAt, locale) })}
        </Text>
      );
    }
    case 'none':
      return <Text size="sm">{t('trust.appeal.notAppealable')}</Text>;
    case 'closed':
      return (
        <Text size="sm">
          {t('trust.appeal.periodOver', { date: formatDateTime(decision.appealableUntil ?? '', locale) })}
        </Text>
      );
    case 'open':
      return (
        <Stack gap="sm" align="stretch">
          <Text size="sm">
            {t('trust.appeal.until', { date: formatDateTime(decision.appealableUntil ?? '', locale) })}
          </Text>
          {writing ? (
            <AppealForm
              decisionId={decision.id}
              label={formLabel}
              onCancel={() => setWriting(false)}
              onSent={() => setSent(true)}
            />
          ) : (
            <Group>
              <Button variant="default" onClick={() => setWriting(true)}>
                {t('trust.appeal.start')}
              </Button>
            </Group>
          )}
        </Stack>
      );
  }
}

/** The rules a decision cites, each with its text in the interface language. */
export function RuleList({ decision }: { decision: ModerationDecision }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (decision.reasons.length === 0) {
    return t('trust.decision.noRules');
  }
  return (
    <ul className={classes.rules}>
      {decision.reasons.map((code) => {
        const template = REASON_TEMPLATES[code][locale];
        return (
          <li key={code}>
            <Text span fw={600} size="sm">
              {template.title}:
            </Text>{' '}
            {template.rule}
          </li>
        );
      })}
    </ul>
  );
}

/** Whether the decision restricts the user (and so carries a full statement of reasons and an appeal). */
function isRestricting(decision: ModerationDecision): boolean {
  return (RESTRICTING_ACTIONS as readonly string[]).includes(decision.action) || decision.appeal !== null;
}

/**
 * One statement of reasons (DSA Art. 17): what was decided about what, which rules it rests
 * on (with their text in the interface language), the facts, whether automated means were used,
 * when, and how to appeal — with the appeal form while that is possible. Decisions that
 * restrict nothing (an approval, a restoration) show only what there is to say.
 */
export function DecisionCard({ decision }: { decision: ModerationDecision }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  const action = t(`trust.actions.${decision.action}`);
  const target = t(`trust.targets.${decision.targetType}`, { label: decision.targetLabel });
  const restricting = isRestricting(decision);
  return (
    <Paper
      component="article"
      aria-labelledby={headingId}
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Title order={2} size="h4" id={headingId} style={{ overflowWrap: 'anywhere' }}>
            {target}
          </Title>
          <Badge color={restricting ? 'red.9' : 'teal.9'} variant="filled" tt="none">
            {action}
          </Badge>
        </Group>
        <dl className={classes.facts}>
          <dt>{t('trust.decision.target')}</dt>
          <dd>
            {decision.targetType === 'nano' ? (
              <Anchor component={Link} to={paths.nanoDetail.getHref(decision.targetId)} size="sm">
                {target}
              </Anchor>
            ) : (
              target
            )}
          </dd>
          <dt>{t('trust.decision.decidedAt')}</dt>
          <dd>
            <time dateTime={decision.decidedAt}>{formatDateTime(decision.decidedAt, locale)}</time>
          </dd>
          <dt>{t('trust.decision.source')}</dt>
          <dd>{t(`trust.sources.${decision.source}`)}</dd>
          {(restricting || decision.reasons.length > 0) && (
            <>
              <dt>{t('trust.decision.rules')}</dt>
              <dd>
                <RuleList decision={decision} />
              </dd>
            </>
          )}
          {(restricting || decision.statement) && (
            <>
              <dt>{t('trust.decision.statement')}</dt>
              <dd style={{ whiteSpace: 'pre-line' }}>
                {decision.statement || t('trust.decision.noStatement')}
              </dd>
            </>
          )}
          {(restricting || decision.automated) && (
            <>
              <dt>{t('trust.decision.automated')}</dt>
              <dd>
                {decision.automated ? t('trust.decision.automatedYes') : t('trust.decision.automatedNo')}
              </dd>
            </>
          )}
          {restricting && (
            <>
              <dt>{t('trust.decision.appeal')}</dt>
              <dd>
                <AppealSection
                  decision={decision}
                  formLabel={t('trust.appeal.formLabel', { action, target })}
                />
              </dd>
            </>
          )}
        </dl>
      </Stack>
    </Paper>
  );
}
