import { Button, Checkbox, Group, Stack, Textarea, Title } from '@mantine/core';
import {
  MODERATION_LIMITS,
  REVIEW_CHECKLIST,
  type REVIEW_DECISIONS,
  type ReasonCode,
  type ReviewChecklistItem,
  type ReviewDetail,
} from '@nano/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { paths } from '../../../shared/routes.ts';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { useDecideReview } from '../api/decide-review.ts';
import { moderationNoticeState } from './moderation-notice.ts';
import { ReasonPicker, withRule } from './reason-picker.tsx';
import { serverFieldError } from './server-field-error.ts';
import { REVIEW_QUEUE_SLUGS } from './workspace-tabs.ts';

type Decision = (typeof REVIEW_DECISIONS)[number];
type Problem = 'checklist' | 'reasons';

interface DecisionFormProps {
  detail: ReviewDetail;
  /** Called on the first tick or keystroke: takes a free review over. */
  onInteract: () => void;
  /** A colleague holds the review: everything is shown but nothing can be decided. */
  locked: boolean;
}

/**
 * The decision: the checklist (every item to approve), the rules cited (at least one to request
 * changes or reject; their text can go into the note), the note to the creator, and the three
 * decisions. Afterwards back to the queue the Nano came from, with a notice.
 */
export function DecisionForm({ detail, onInteract, locked }: DecisionFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const decide = useDecideReview();
  const [checked, setChecked] = useState<ReviewChecklistItem[]>([]);
  const [reasons, setReasons] = useState<ReasonCode[]>([]);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const headingId = useId();
  const { nano } = detail;

  const submit = (decision: Decision) => {
    if (decision === 'approve' && checked.length < REVIEW_CHECKLIST.length) {
      setProblem('checklist');
      return;
    }
    if (decision !== 'approve' && reasons.length === 0) {
      setProblem('reasons');
      return;
    }
    setProblem(undefined);
    const checklist = Object.fromEntries(REVIEW_CHECKLIST.map((item) => [item, checked.includes(item)]));
    const body = { decision, checklist, reasons: decision === 'approve' ? [] : reasons, note: note.trim() };
    // mutateAsync, not mutate: leaving the page unmounts this form before mutate's callbacks could run.
    void decide.mutateAsync({ nanoId: nano.id, body }).then(
      () => {
        const queue = REVIEW_QUEUE_SLUGS[detail.queueType ?? 'new'];
        void navigate(paths.moderationReviews.getHref(queue), {
          state: moderationNoticeState(t(`moderation.decided.${decision}`, { title: nano.title })),
        });
      },
      () => {
        // The failure is shown from the mutation's state.
      },
    );
  };

  const running = decide.isPending ? decide.variables?.body.decision : undefined;
  const disabled = locked || decide.isPending;
  return (
    <Stack component="section" aria-labelledby={headingId} gap="md">
      <Title order={2} size="h4" id={headingId}>
        {t('moderation.review.decisionTitle')}
      </Title>
      <Checkbox.Group
        label={t('moderation.review.checklist')}
        description={t('moderation.review.checklistHint')}
        value={checked}
        onChange={(value) => {
          onInteract();
          setChecked(REVIEW_CHECKLIST.filter((item) => value.includes(item)));
        }}
        error={
          problem === 'checklist'
            ? t('moderation.review.checklistMissing')
            : serverFieldError(decide.error, 'checklist')
        }
      >
        <Stack gap="xs" mt="xs">
          {REVIEW_CHECKLIST.map((item) => (
            <Checkbox key={item} value={item} label={t(`moderation.checklist.${item}`)} disabled={disabled} />
          ))}
        </Stack>
      </Checkbox.Group>
      <ReasonPicker
        value={reasons}
        onChange={(value) => {
          onInteract();
          setReasons(value);
        }}
        onInsertRule={(rule) => {
          onInteract();
          setNote((previous) => withRule(previous, rule));
        }}
        error={
          problem === 'reasons'
            ? t('moderation.review.reasonMissing')
            : serverFieldError(decide.error, 'reasons')
        }
        disabled={disabled}
      />
      <Textarea
        label={t('moderation.review.note')}
        description={t('moderation.review.noteHint')}
        autosize
        minRows={3}
        maxLength={MODERATION_LIMITS.noteMax}
        value={note}
        disabled={disabled}
        onChange={(event) => {
          onInteract();
          setNote(event.currentTarget.value);
        }}
        error={serverFieldError(decide.error, 'note')}
      />
      <FormErrorAlert error={decide.error} />
      <Group gap="sm">
        <Button
          color="teal.9"
          loading={running === 'approve'}
          disabled={disabled}
          onClick={() => submit('approve')}
        >
          {t('moderation.decision.approve')}
        </Button>
        <Button
          variant="default"
          loading={running === 'request_changes'}
          disabled={disabled}
          onClick={() => submit('request_changes')}
        >
          {t('moderation.decision.request_changes')}
        </Button>
        <Button
          color="red.9"
          variant="outline"
          loading={running === 'reject'}
          disabled={disabled}
          onClick={() => submit('reject')}
        >
          {t('moderation.decision.reject')}
        </Button>
      </Group>
    </Stack>
  );
}
