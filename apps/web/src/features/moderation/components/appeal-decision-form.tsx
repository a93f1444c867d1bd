import { Button, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { type Appeal, MODERATION_LIMITS } from '@nano/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { InfoAlert } from '../../../shared/ui/info-alert.tsx';
import { useDecideAppeal } from '../api/decide-appeal.ts';
import { serverFieldError } from './server-field-error.ts';

type Outcome = 'reverse' | 'uphold';
type Problem = 'outcome' | 'statement';

interface AppealDecisionFormProps {
  appeal: Appeal;
  /** The moderator who made the original decision may not decide the appeal: all is disabled and explained. */
  ownDecision: boolean;
  onDone: (outcome: Outcome) => void;
  onCancel: () => void;
}

/** Reverse (undo the action) or uphold the original decision, with a statement for the appellant. */
export function AppealDecisionForm({ appeal, ownDecision, onDone, onCancel }: AppealDecisionFormProps) {
  const { t } = useTranslation();
  const decide = useDecideAppeal();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [statement, setStatement] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);

  const submit = () => {
    const found: Problem[] = [];
    if (!outcome) {
      found.push('outcome');
    }
    if (statement.trim().length === 0) {
      found.push('statement');
    }
    setProblems(found);
    if (!outcome || found.length > 0) {
      return;
    }
    decide.mutate(
      { appealId: appeal.id, body: { outcome, statement: statement.trim() } },
      { onSuccess: () => onDone(outcome) },
    );
  };

  return (
    <form
      noValidate
      aria-label={t('moderation.appeals.decide')}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        {ownDecision && <InfoAlert title={t('moderation.appeals.sameModerator')} />}
        <Radio.Group
          label={t('moderation.appeals.outcome')}
          value={outcome}
          onChange={(value) => setOutcome(value === 'reverse' || value === 'uphold' ? value : null)}
          error={problems.includes('outcome') ? t('moderation.appeals.outcomeMissing') : undefined}
          required
        >
          <Stack gap="xs" mt="xs">
            <Radio value="reverse" label={t('moderation.appeals.outcomes.reverse')} disabled={ownDecision} />
            <Radio value="uphold" label={t('moderation.appeals.outcomes.uphold')} disabled={ownDecision} />
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('moderation.appeals.statement')}
          description={t('moderation.appeals.statementHint')}
          autosize
          minRows={3}
          maxLength={MODERATION_LIMITS.statementMax}
          required
          disabled={ownDecision}
          value={statement}
          onChange={(event) => setStatement(event.currentTarget.value)}
          error={
            problems.includes('statement')
              ? t('moderation.appeals.statementMissing')
              : serverFieldError(decide.error, 'statement')
          }
        />
        <Text size="xs" c="dimmed">
          {t('moderation.counter', { count: statement.trim().length, max: MODERATION_LIMITS.statementMax })}
        </Text>
        <FormErrorAlert error={decide.error} />
        <Group gap="sm">
          <Button type="submit" loading={decide.isPending} disabled={ownDecision}>
            {t('moderation.appeals.submit')}
          </Button>
          <Button variant="default" onClick={onCancel} disabled={decide.isPending}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
