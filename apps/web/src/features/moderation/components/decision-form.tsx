import { Button, Checkbox, Group, MultiSelect, Stack, Textarea, Title } from '@mantine/core';
import { NANO_LIMITS, type Nano, type REVIEW_DECISIONS } from '@nano/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { paths } from '../../../shared/routes.ts';
import { FormErrorAlert, ProblemAlert } from '../../../shared/ui/form-error-alert.tsx';
import { useDecideReview } from '../api/decide-review.ts';
import type { DecidedNotice } from './decided-notice.ts';

type Decision = (typeof REVIEW_DECISIONS)[number];

/** What a moderator checks before approving (SPEC §4.6). */
const CHECKLIST = ['copyright', 'privacy', 'harassment', 'topicFit', 'metadataComplete'] as const;

/** Common reasons, sent as text in the moderator's language and shown to the creator as given. */
const REASONS = [
  'copyright',
  'privacy',
  'harassment',
  'offTopic',
  'metadataIncomplete',
  'brokenFiles',
  'license',
] as const;

type Problem = 'checklist' | 'reason';

/**
 * The decision: the checklist (all ticked to approve), reason templates and a note (at least one
 * of them to request changes or reject), and the three decisions. Afterwards back to the queue.
 */
export function DecisionForm({ nano }: { nano: Nano }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const decide = useDecideReview();
  const [checked, setChecked] = useState<string[]>([]);
  const [reasons, setReasons] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const headingId = useId();

  const submit = (decision: Decision) => {
    if (decision === 'approve' && checked.length < CHECKLIST.length) {
      setProblem('checklist');
      return;
    }
    if (decision !== 'approve' && reasons.length === 0 && !note.trim()) {
      setProblem('reason');
      return;
    }
    setProblem(undefined);
    const body = {
      decision,
      reasons:
        decision === 'approve'
          ? []
          : reasons.map((reason) => t(`moderation.reasons.${reason as 'copyright'}`)),
      note: note.trim(),
    };
    // mutateAsync, not mutate: the stored answer ends the review, which unmounts this form before
    // mutate's own callbacks could run.
    void decide.mutateAsync({ nanoId: nano.id, body }).then(
      () => {
        const decided: DecidedNotice = { title: nano.title, decision };
        void navigate(paths.moderationQueue.getHref(), { state: { decided } });
      },
      () => {
        // The failure is shown from the mutation's state.
      },
    );
  };

  const running = decide.isPending ? decide.variables?.body.decision : undefined;
  return (
    <Stack component="section" aria-labelledby={headingId} gap="md">
      <Title order={2} id={headingId}>
        {t('moderation.review.decisionTitle')}
      </Title>
      <Checkbox.Group
        label={t('moderation.review.checklist')}
        description={t('moderation.review.checklistHint')}
        value={checked}
        onChange={setChecked}
        error={problem === 'checklist' ? t('moderation.review.checklistMissing') : undefined}
      >
        <Stack gap="xs" mt="xs">
          {CHECKLIST.map((item) => (
            <Checkbox key={item} value={item} label={t(`moderation.checklist.${item}`)} />
          ))}
        </Stack>
      </Checkbox.Group>
      <MultiSelect
        label={t('moderation.review.reasons')}
        description={t('moderation.review.reasonsHint')}
        data={REASONS.map((reason) => ({ value: reason, label: t(`moderation.reasons.${reason}`) }))}
        value={reasons}
        onChange={setReasons}
        clearable
        hidePickedOptions
      />
      <Textarea
        label={t('moderation.review.note')}
        description={t('moderation.review.noteHint')}
        autosize
        minRows={3}
        maxLength={NANO_LIMITS.noteMax}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
      />
      {problem === 'reason' && <ProblemAlert title={t('moderation.review.reasonMissing')} />}
      <FormErrorAlert error={decide.error} />
      <Group gap="sm">
        <Button
          color="teal.9"
          loading={running === 'approve'}
          disabled={decide.isPending}
          onClick={() => submit('approve')}
        >
          {t('moderation.decision.approve')}
        </Button>
        <Button
          variant="default"
          loading={running === 'request_changes'}
          disabled={decide.isPending}
          onClick={() => submit('request_changes')}
        >
          {t('moderation.decision.request_changes')}
        </Button>
        <Button
          color="red.9"
          variant="outline"
          loading={running === 'reject'}
          disabled={decide.isPending}
          onClick={() => submit('reject')}
        >
          {t('moderation.decision.reject')}
        </Button>
      </Group>
    </Stack>
  );
}
