import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Nano, RatingSummary } from '@nano/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { paths } from '../../../shared/routes.ts';
import { ConfirmDialog } from '../../../shared/ui/confirm-dialog.tsx';
import { SuccessAlert } from '../../../shared/ui/success-alert.tsx';
import { useDeleteRating } from '../api/delete-rating.ts';
import { RatingForm } from './rating-form.tsx';
import { CommentText } from './rating-item.tsx';
import { Stars } from './stars.tsx';

/** Withdraws a rating after asking; shared with "Meine Bewertungen". */
export function DeleteRatingDialog({
  nanoId,
  opened,
  onClose,
  onDeleted,
}: {
  nanoId: string;
  opened: boolean;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const remove = useDeleteRating();
  return (
    <ConfirmDialog
      opened={opened}
      onClose={onClose}
      title={t('ratings.own.deleteTitle')}
      text={t('ratings.own.deleteText')}
      confirmLabel={t('ratings.own.delete')}
      // Awaited: the list reloads without the rating, and this dialog may be gone by then.
      onConfirm={() => void remove.mutateAsync(nanoId).then(onDeleted, () => undefined)}
      pending={remove.isPending}
      error={remove.error}
    />
  );
}

/** Guests are invited to sign in and come back here. */
function SignInPrompt() {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <Text>
      {t('ratings.own.signInText')}{' '}
      <Anchor component={Link} to={paths.login.getHref(`${location.pathname}${location.search}`)}>
        {t('ratings.own.signIn')}
      </Anchor>
    </Text>
  );
}

/**
 * The viewer's own rating of the Nano: the form when there is none yet (or while changing
 * it), otherwise the rating with "Bearbeiten" and "Löschen". Guests get a sign-in link.
 */
export function OwnRating({
  nano,
  summary,
  signedIn,
}: {
  nano: Nano;
  summary: RatingSummary;
  signedIn: boolean;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<'saved' | 'deleted'>();
  const { mine } = summary;

  // After saving or deleting, the form or the rating is gone: the keyboard focus goes to the heading.
  useEffect(() => {
    if (done) {
      headingRef.current?.focus();
    }
  }, [done]);

  const renderContent = () => {
    if (!signedIn) {
      return <SignInPrompt />;
    }
    if (mine && !editing) {
      return (
        <Stack gap="sm">
          <Stars score={mine.score} />
          <CommentText rating={mine} />
          <Group gap="sm">
            {summary.canRate && (
              <Button
                variant="default"
                size="sm"
                onClick={() => {
                  setDone(undefined);
                  setEditing(true);
                }}
              >
                {t('ratings.own.edit')}
              </Button>
            )}
            <Button variant="default" size="sm" color="red.9" onClick={() => setConfirming(true)}>
              {t('ratings.own.delete')}
            </Button>
          </Group>
          <DeleteRatingDialog
            nanoId={nano.id}
            opened={confirming}
            onClose={() => setConfirming(false)}
            onDeleted={() => {
              setConfirming(false);
              setDone('deleted');
            }}
          />
        </Stack>
      );
    }
    if (!summary.canRate) {
      return <Text c="dimmed">{t('ratings.own.closed')}</Text>;
    }
    return (
      <RatingForm
        nanoId={nano.id}
        initial={mine}
        onSaved={() => {
          setEditing(false);
          setDone('saved');
        }}
        onCancel={mine ? () => setEditing(false) : undefined}
      />
    );
  };

  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      withBorder
      radius="md"
      p="md"
      bg="gray.0"
      // A new attempt replaces the last "saved"/"deleted" note.
      onSubmitCapture={() => setDone(undefined)}
    >
      <Stack gap="sm">
        <Title order={3} size="h4" id={headingId} ref={headingRef} tabIndex={-1}>
          {mine && !editing ? t('ratings.own.titleMine') : t('ratings.own.title')}
        </Title>
        {done && <SuccessAlert title={t(`ratings.own.${done}`)} />}
        {renderContent()}
      </Stack>
    </Paper>
  );
}
