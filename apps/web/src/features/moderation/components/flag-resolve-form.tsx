import { Button, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FlagDetail, MODERATION_LIMITS, type ReasonCode } from '@nano/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { paths } from '../../../shared/routes.ts';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { useResolveFlag } from '../api/resolve-flag.ts';
import { moderationNoticeState } from './moderation-notice.ts';
import { ReasonPicker, withRule } from './reason-picker.tsx';
import { serverFieldError } from './server-field-error.ts';

type FlagAction = FlagDetail['allowedActions'][number];
type Problem = 'action' | 'reasons' | 'statement' | 'suspendUntil';

/** The chosen day (`YYYY-MM-DD`, local) as the end of that day in ISO time; undefined when empty. */
export function endOfDayIso(day: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
    return undefined;
  }
  const date = new Date(`${day}T23:59:59`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function problemsOf(
  action: FlagAction | null,
  reasons: ReasonCode[],
  statement: string,
  suspendUntil: string,
) {
  const problems: Problem[] = [];
  if (!action) {
    return ['action' as const];
  }
  if (action !== 'none' && reasons.length === 0) {
    problems.push('reasons');
  }
  if (action !== 'none' && statement.trim().length === 0) {
    problems.push('statement');
  }
  if (action === 'suspend' && suspendUntil) {
    const until = endOfDayIso(suspendUntil);
    if (!until || new Date(until).getTime() <= Date.now()) {
      problems.push('suspendUntil');
    }
  }
  return problems;
}

/**
 * Resolves every open flag on the target with one action that fits it: none, or a restriction
 * with the rules cited and the facts (the statement of reasons the owner receives); a
 * suspension until a day (or indefinitely). Then back to the flag list with a notice.
 */
export function FlagResolveForm({ detail }: { detail: FlagDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const resolve = useResolveFlag();
  const [action, setAction] = useState<FlagAction | null>(null);
  const [reasons, setReasons] = useState<ReasonCode[]>([]);
  const [statement, setStatement] = useState('');
  const [suspendUntil, setSuspendUntil] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const headingId = useId();
  const restricting = action !== null && action !== 'none';

  const submit = () => {
    const found = problemsOf(action, reasons, statement, suspendUntil);
    setProblems(found);
    if (found.length > 0 || !action) {
      return;
    }
    const until = action === 'suspend' ? endOfDayIso(suspendUntil) : undefined;
    const body = {
      action,
      reasons: restricting ? reasons : [],
      statement: statement.trim(),
      ...(until ? { suspendUntil: until } : {}),
    };
    void resolve.mutateAsync({ flagId: detail.id, body }).then(
      () => {
        void navigate(paths.moderationFlags.getHref(), {
          state: moderationNoticeState(t('moderation.flags.resolvedDone', { label: detail.target.label })),
        });
      },
      () => {
        // The failure is shown from the mutation's state.
      },
    );
  };

  return (
    <form
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="md">
        <Title order={2} size="h4" id={headingId}>
          {t('moderation.flag.resolveTitle')}
        </Title>
        <Radio.Group
          label={t('moderation.flag.action')}
          value={action}
          onChange={(value) =>
            setAction(detail.allowedActions.find((candidate) => candidate === value) ?? null)
          }
          error={
            problems.includes('action')
              ? t('moderation.flag.actionMissing')
              : serverFieldError(resolve.error, 'action')
          }
          required
        >
          <Stack gap="xs" mt="xs">
            {detail.allowedActions.map((candidate) => (
              <Radio
                key={candidate}
                value={candidate}
                label={t(`moderation.flag.actions.${candidate}`)}
                description={t(`moderation.flag.actionHints.${candidate}`)}
              />
            ))}
          </Stack>
        </Radio.Group>
        {action === 'suspend' && (
          <TextInput
            type="date"
            label={t('moderation.flag.suspendUntil')}
            description={t('moderation.flag.suspendUntilHint')}
            value={suspendUntil}
            onChange={(event) => setSuspendUntil(event.currentTarget.value)}
            error={
              problems.includes('suspendUntil')
                ? t('moderation.flag.suspendPast')
                : serverFieldError(resolve.error, 'suspendUntil')
            }
          />
        )}
        <ReasonPicker
          value={reasons}
          onChange={setReasons}
          onInsertRule={(rule) => setStatement((previous) => withRule(previous, rule))}
          error={
            problems.includes('reasons')
              ? t('moderation.flag.reasonMissing')
              : serverFieldError(resolve.error, 'reasons')
          }
          disabled={!restricting}
        />
        <Textarea
          label={t('moderation.flag.statement')}
          description={t('moderation.flag.statementHint')}
          autosize
          minRows={4}
          maxLength={MODERATION_LIMITS.statementMax}
          required={restricting}
          value={statement}
          onChange={(event) => setStatement(event.currentTarget.value)}
          error={
            problems.includes('statement')
              ? t('moderation.flag.statementMissing')
              : serverFieldError(resolve.error, 'statement')
          }
        />
        <Text size="xs" c="dimmed">
          {t('moderation.counter', { count: statement.trim().length, max: MODERATION_LIMITS.statementMax })}
        </Text>
        <FormErrorAlert error={resolve.error} />
        <Button
          type="submit"
          loading={resolve.isPending}
          color={restricting ? 'red.9' : undefined}
          w="fit-content"
        >
          {t('moderation.flag.submit')}
        </Button>
      </Stack>
    </form>
  );
}
