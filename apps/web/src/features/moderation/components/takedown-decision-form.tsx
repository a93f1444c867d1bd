import { Button, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { MODERATION_LIMITS, type ReasonCode, type Takedown } from '@nano/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { useDecideTakedown } from '../api/decide-takedown.ts';
import { ReasonPicker, withRule } from './reason-picker.tsx';
import { serverFieldError } from './server-field-error.ts';

type Outcome = 'uphold' | 'reject';
type Problem = 'outcome' | 'statement';

interface TakedownDecisionFormProps {
  takedown: Takedown;
  onDone: (outcome: Outcome) => void;
  onCancel: () => void;
}

/** Uphold (archive the Nano) or reject (show it again) a notice, with the rules cited and a statement. */
export function TakedownDecisionForm({ takedown, onDone, onCancel }: TakedownDecisionFormProps) {
  const { t } = useTranslation();
  const decide = useDecideTakedown();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [reasons, setReasons] = useState<ReasonCode[]>(['copyright']);
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
      { takedownId: takedown.id, body: { outcome, reasons, statement: statement.trim() } },
      { onSuccess: () => onDone(outcome) },
    );
  };

  return (
    <form
      noValidate
      aria-label={t('moderation.takedowns.decideTitle', { title: takedown.nano.title })}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        <Radio.Group
          label={t('moderation.takedowns.outcome')}
          value={outcome}
          onChange={(value) => setOutcome(value === 'uphold' || value === 'reject' ? value : null)}
          error={problems.includes('outcome') ? t('moderation.takedowns.outcomeMissing') : undefined}
          required
        >
          <Stack gap="xs" mt="xs">
            <Radio value="uphold" label={t('moderation.takedowns.outcomes.uphold')} />
            <Radio value="reject" label={t('moderation.takedowns.outcomes.reject')} />
          </Stack>
        </Radio.Group>
        <ReasonPicker
          value={reasons}
          onChange={setReasons}
          onInsertRule={(rule) => setStatement((previous) => withRule(previous, rule))}
          error={serverFieldError(decide.error, 'reasons')}
        />
        <Textarea
          label={t('moderation.takedowns.statement')}
          description={t('moderation.takedowns.statementHint')}
          autosize
          minRows={3}
          maxLength={MODERATION_LIMITS.statementMax}
          required
          value={statement}
          onChange={(event) => setStatement(event.currentTarget.value)}
          error={
            problems.includes('statement')
              ? t('moderation.takedowns.statementMissing')
              : serverFieldError(decide.error, 'statement')
          }
        />
        <Text size="xs" c="dimmed">
          {t('moderation.counter', { count: statement.trim().length, max: MODERATION_LIMITS.statementMax })}
        </Text>
        <FormErrorAlert error={decide.error} />
        <Group gap="sm">
          <Button type="submit" loading={decide.isPending}>
            {t('moderation.takedowns.submit')}
          </Button>
          <Button variant="default" onClick={onCancel} disabled={decide.isPending}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
