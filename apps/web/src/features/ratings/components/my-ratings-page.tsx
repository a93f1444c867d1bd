import { Anchor, Button, Container, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { RatingWithNano } from '@nano/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { paths } from '../../../shared/routes.ts';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { SuccessAlert } from '../../../shared/ui/success-alert.tsx';
import { MY_RATINGS_PAGE_SIZE, useMyRatings } from '../api/get-my-ratings.ts';
import { DeleteRatingDialog } from './own-rating.tsx';
import { PageNavigation, pageFrom } from './page-navigation.tsx';
import { RatedNanoHeader } from './rated-nano-header.tsx';
import { RatingForm } from './rating-form.tsx';
import { RatingItem } from './rating-item.tsx';

/** One own rating: the Nano, stars, comment, the creator's reply; changed inline or withdrawn. */
function MyRatingItem({ rating, onDeleted }: { rating: RatingWithNano; onDeleted: () => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const suffix = <VisuallyHidden>{`: ${rating.nano.title}`}</VisuallyHidden>;
  const label = t('ratings.mine.itemLabel', { title: rating.nano.title });
  if (editing) {
    return (
      <Paper component="article" withBorder radius="md" p="md" aria-label={label}>
        <Stack gap="sm">
          <RatedNanoHeader nano={rating.nano} />
          <RatingForm
            nanoId={rating.nano.id}
            initial={rating}
            onSaved={() => setEditing(false)}
            onCancel={() => setEditing(false)}
          />
        </Stack>
      </Paper>
    );
  }
  return (
    <>
      <RatingItem
        rating={rating}
        canVote={false}
        canReply={false}
        showAuthor={false}
        label={label}
        header={<RatedNanoHeader nano={rating.nano} />}
        actions={
          <>
            {rating.nano.status === 'published' && (
              <Button variant="default" size="compact-sm" onClick={() => setEditing(true)}>
                {t('ratings.own.edit')}
                {suffix}
              </Button>
            )}
            <Button variant="default" size="compact-sm" color="red.9" onClick={() => setConfirming(true)}>
              {t('ratings.own.delete')}
              {suffix}
            </Button>
          </>
        }
      />
      <DeleteRatingDialog
        nanoId={rating.nano.id}
        opened={confirming}
        onClose={() => setConfirming(false)}
        onDeleted={() => {
          setConfirming(false);
          onDeleted();
        }}
      />
    </>
  );
}

/** `/meine-bewertungen`: every rating the user gave, newest first, to look up, change or withdraw. */
export function MyRatingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.documentTitle', { page: t('ratings.mine.title') }));
  const [searchParams, setSearchParams] = useSearchParams();
  const page = pageFrom(searchParams.get('seite'));
  const ratings = useMyRatings(page);
  const [deleted, setDeleted] = useState<string>();
  const headingRef = useRef<HTMLHeadingElement>(null);

  // The withdrawn rating is gone from the list: the keyboard focus goes to the page's heading.
  useEffect(() => {
    if (deleted) {
      headingRef.current?.focus();
    }
  }, [deleted]);
  const lastPage = ratings.data ? Math.max(Math.ceil(ratings.data.total / MY_RATINGS_PAGE_SIZE), 1) : page;

  // The last rating of the last page was withdrawn: show the page before.
  useEffect(() => {
    if (page > lastPage) {
      setSearchParams(lastPage > 1 ? { seite: String(lastPage) } : {}, { replace: true });
    }
  }, [page, lastPage, setSearchParams]);

  const renderContent = () => {
    if (ratings.isPending) {
      return <PageLoader />;
    }
    if (ratings.isError) {
      return (
        <ErrorAlert
          error={ratings.error}
          message={t('ratings.mine.loadError')}
          onRetry={() => void ratings.refetch()}
          retrying={ratings.isFetching}
        />
      );
    }
    if (ratings.data.total === 0) {
      return (
        <Paper withBorder radius="md" p="xl">
          <Stack gap="sm" align="flex-start">
            <Title order={2} size="h3">
              {t('ratings.mine.emptyTitle')}
            </Title>
            <Text>{t('ratings.mine.emptyText')}</Text>
            <Anchor component={Link} to={paths.search.getHref()}>
              {t('ratings.mine.emptyAction')}
            </Anchor>
          </Stack>
        </Paper>
      );
    }
    return (
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('ratings.mine.count', { count: ratings.data.total })}
        </Text>
        <Stack component="ul" gap="md" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {ratings.data.items.map((rating) => (
            <li key={rating.id}>
              <MyRatingItem rating={rating} onDeleted={() => setDeleted(rating.nano.title)} />
            </li>
          ))}
        </Stack>
        <PageNavigation
          total={ratings.data.total}
          pageSize={MY_RATINGS_PAGE_SIZE}
          page={page}
          onChange={(next) => setSearchParams(next > 1 ? { seite: String(next) } : {})}
        />
      </Stack>
    );
  };

  return (
    <Container size="md" py="xl">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1} ref={headingRef} tabIndex={-1}>
            {t('ratings.mine.title')}
          </Title>
          <Text c="dimmed">{t('ratings.mine.intro')}</Text>
        </Stack>
        {deleted && <SuccessAlert title={t('ratings.mine.deleted', { title: deleted })} />}
        {renderContent()}
      </Stack>
    </Container>
  );
}
