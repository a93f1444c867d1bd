import { Stack, Text, Title } from '@mantine/core';
import type { Nano, NanoStatus, Rating } from '@nano/contracts';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/client.ts';
import { useCurrentUser } from '../../../shared/auth/get-current-user.ts';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { useRatingSummary } from '../api/get-rating-summary.ts';
import { OwnRating } from './own-rating.tsx';
import { RatingList } from './rating-list.tsx';
import { RatingSummaryPanel } from './rating-summary-panel.tsx';

/** Only these Nanos have ratings: live ones, and archived ones (their ratings stay). */
const RATED_STATUSES: readonly NanoStatus[] = ['published', 'archived'];

/** Beside each rating's helpful button (the report button of the trust feature, composed in the router). */
export type RatingActions = (rating: Rating) => ReactNode;

interface RatingSectionProps {
  nano: Nano;
  ratingActions?: RatingActions | undefined;
}

function RatedNanoSection({ nano, ratingActions }: RatingSectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const summary = useRatingSummary(nano.id);
  const user = useCurrentUser();
  if (summary.error instanceof ApiError && summary.error.status === 404) {
    return null;
  }

  const renderContent = () => {
    if (summary.isPending || user.isPending) {
      return <PageLoader />;
    }
    if (summary.isError) {
      return (
        <ErrorAlert
          error={summary.error}
          message={t('ratings.summary.loadError')}
          onRetry={() => void summary.refetch()}
          retrying={summary.isFetching}
        />
      );
    }
    const signedIn = Boolean(user.data);
    const isCreator = user.data?.username === nano.creator.username;
    return (
      <>
        <RatingSummaryPanel summary={summary.data} />
        {isCreator ? (
          <Text c="dimmed">{t('ratings.own.ownNano')}</Text>
        ) : (
          <OwnRating nano={nano} summary={summary.data} signedIn={signedIn} />
        )}
        {summary.data.count > 0 && (
          // The creator answers rather than votes on the ratings of their own Nano.
          <RatingList
            nanoId={nano.id}
            canVote={signedIn && !isCreator}
            canReply={isCreator}
            ratingActions={ratingActions}
          />
        )}
      </>
    );
  };

  return (
    <Stack component="section" aria-labelledby={headingId} gap="lg">
      <Title order={2} id={headingId}>
        {t('ratings.title')}
      </Title>
      {renderContent()}
    </Stack>
  );
}

/**
 * "Bewertungen" under a Nano's viewer: the figures, the viewer's own rating (or how to give
 * one), and every rating with its comment and the creator's reply. Nothing for Nanos that
 * cannot have ratings (drafts, Nanos in review), nor when the server has none for this Nano (404).
 */
export function RatingSection({ nano, ratingActions }: RatingSectionProps) {
  return RATED_STATUSES.includes(nano.status) ? (
    <RatedNanoSection nano={nano} ratingActions={ratingActions} />
  ) : null;
}
