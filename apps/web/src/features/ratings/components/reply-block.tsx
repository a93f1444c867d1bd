import { Box, Button, Group, Stack, Text, Textarea, VisuallyHidden } from '@mantine/core';
import { FEEDBACK_LIMITS, type Rating, ratingReplyRequestSchema } from '@nano/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../../shared/forms/apply-server-errors.ts';
import { useZodForm } from '../../../shared/forms/use-zod-form.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatDate } from '../../../shared/nanos/format.ts';
import { ConfirmDialog } from '../../../shared/ui/confirm-dialog.tsx';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { LinkifiedText } from '../../../shared/ui/linkified-text.tsx';
import { useDeleteReply } from '../api/delete-reply.ts';
import { useSaveReply } from '../api/save-reply.ts';
import { TextCounter } from './text-counter.tsx';

/** The creator's answer, indented under the rating. */
const REPLY_INDENT = {
  borderLeft: '3px solid var(--mantine-color-gray-4)',
  paddingLeft: 'var(--mantine-spacing-md)',
};

function ReplyForm({ rating, onDone }: { rating: Rating; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveReply();
  const form = useZodForm(ratingReplyRequestSchema, { defaultValues: { text: rating.reply?.text ?? '' } });
  const text = form.watch('text') ?? '';
  const { setFocus } = form;
  useEffect(() => {
    setFocus('text');
  }, [setFocus]);
  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((body) =>
        save.mutate(
          { rating, body },
          { onSuccess: onDone, onError: (error) => applyServerErrors(form, error, ['text']) },
        ),
      )}
    >
      <Stack gap="sm" style={REPLY_INDENT}>
        <FormErrorAlert error={save.error} />
        <Textarea
          label={t('ratings.reply.label')}
          description={<TextCounter length={text.length} max={FEEDBACK_LIMITS.replyMax} />}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          required
          autosize
          minRows={2}
          maxRows={8}
          maxLength={FEEDBACK_LIMITS.replyMax}
          error={form.formState.errors.text?.message}
          {...form.register('text')}
        />
        <Group gap="sm">
          <Button type="submit" size="sm" loading={save.isPending}>
            {t('ratings.reply.save')}
          </Button>
          <Button variant="default" size="sm" onClick={onDone} disabled={save.isPending}>
            {t('ratings.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DeleteReplyDialog({
  rating,
  opened,
  onClose,
}: {
  rating: Rating;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const remove = useDeleteReply();
  return (
    <ConfirmDialog
      opened={opened}
      onClose={onClose}
      title={t('ratings.reply.deleteTitle')}
      text={t('ratings.reply.deleteText')}
      confirmLabel={t('ratings.reply.delete')}
      onConfirm={() => remove.mutate(rating, { onSuccess: onClose })}
      pending={remove.isPending}
      error={remove.error}
    />
  );
}

/**
 * The creator's reply under a rating ("Antwort von …"); for the Nano's creator also the
 * buttons to answer, change and delete the answer, and the form inline.
 */
export function ReplyBlock({ rating, canReply }: { rating: Rating; canReply: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  const { reply } = rating;
  const suffix = <VisuallyHidden>{`: ${rating.author.displayName}`}</VisuallyHidden>;

  // Back from the form, the keyboard focus returns to the button that opened it.
  useEffect(() => {
    if (!editing && wasEditing.current) {
      editButton.current?.focus();
    }
    wasEditing.current = editing;
  }, [editing]);

  if (editing) {
    return <ReplyForm rating={rating} onDone={() => setEditing(false)} />;
  }
  return (
    <>
      {reply && (
        <Box style={REPLY_INDENT}>
          <Group gap="xs" align="baseline">
            <Text size="sm" fw={600}>
              {t('ratings.reply.by', { name: reply.author.displayName })}
            </Text>
            <Text size="sm" c="dimmed" component="time" dateTime={reply.updatedAt}>
              {formatDate(reply.updatedAt, locale)}
            </Text>
          </Group>
          <LinkifiedText size="sm" text={reply.text} linkify={reply.author.verified} />
        </Box>
      )}
      {/* A comment hidden by the moderators (null for the creator) or stars alone: nothing to answer. */}
      {canReply && (reply || rating.comment !== null) && (
        <Group gap="xs">
          <Button ref={editButton} size="compact-sm" variant="subtle" onClick={() => setEditing(true)}>
            {reply ? t('ratings.reply.edit') : t('ratings.reply.start')}
            {suffix}
          </Button>
          {reply && (
            <Button
              size="compact-sm"
              variant="subtle"
              color="red"
              // Mantine's subtle red (shade 6) misses the 4.5:1 text contrast of WCAG AA.
              c="red.9"
              onClick={() => setConfirming(true)}
            >
              {t('ratings.reply.delete')}
              {suffix}
            </Button>
          )}
        </Group>
      )}
      {reply && canReply && (
        <DeleteReplyDialog rating={rating} opened={confirming} onClose={() => setConfirming(false)} />
      )}
    </>
  );
}
