import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Nano } from '@nano/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../shared/routes.ts';
import { InfoAlert } from '../../../shared/ui/info-alert.tsx';
import { SuccessAlert } from '../../../shared/ui/success-alert.tsx';
import { NanoDetailView } from './nano-detail-view.tsx';
import { StatusActionError, useStatusActions } from './use-status-actions.tsx';

/** Why there is nothing to submit, by status. */
function NotSubmittable({ nano }: { nano: Nano }) {
  const { t } = useTranslation();
  if (nano.status === 'pending_review' || nano.pendingVersion?.status === 'pending_review') {
    return <InfoAlert title={t('review.inReviewTitle')}>{t('review.inReviewText')}</InfoAlert>;
  }
  if (nano.status === 'published') {
    return <InfoAlert title={t('review.publishedTitle')}>{t('review.publishedText')}</InfoAlert>;
  }
  if (!nano.pendingVersion) {
    return <InfoAlert title={t('review.noFileTitle')}>{t('review.noFileText')}</InfoAlert>;
  }
  return null;
}

/**
 * The last step: the detail page as others will see it, and "submit for review" (when the
 * server allows it); a refused submission lists what is still missing.
 */
export function ReviewStep({ nano }: { nano: Nano }) {
  const { t } = useTranslation();
  const previewHeadingId = useId();
  const actions = useStatusActions();
  const submitted = nano.status === 'pending_review';

  return (
    <Stack gap="lg">
      {submitted ? (
        <SuccessAlert title={t('review.submittedTitle')}>
          <Text size="sm">{t('review.submittedText')}</Text>
          <Anchor component={Link} to={paths.myNanos.getHref()} size="sm">
            {t('review.toMyNanos')}
          </Anchor>
        </SuccessAlert>
      ) : (
        <NotSubmittable nano={nano} />
      )}
      <StatusActionError error={actions.error} />
      {nano.permissions.submit && (
        <Group>
          <Button
            loading={actions.runningAction === 'submit'}
            onClick={() => actions.request('submit', nano)}
          >
            {t('review.submit')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('review.submitHint')}
          </Text>
        </Group>
      )}
      <Paper
        component="section"
        aria-labelledby={previewHeadingId}
        withBorder
        radius="md"
        p={{ base: 'sm', sm: 'lg' }}
      >
        <Stack gap="md">
          <Title order={3} id={previewHeadingId} size="h5" c="dimmed">
            {t('review.previewTitle')}
          </Title>
          <NanoDetailView nano={nano} level={4} version={nano.pendingVersion ?? nano.currentVersion} />
        </Stack>
      </Paper>
      {actions.dialog}
    </Stack>
  );
}
