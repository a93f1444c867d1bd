import { Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { MODERATION_LIMITS } from '@nano/contracts';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { MY_DECISIONS_PAGE_SIZE, useMyDecisions } from '../api/get-my-decisions.ts';
import { DecisionCard } from './decision-card.tsx';
import { PageNavigation, pageFrom } from './page-navigation.tsx';
import classes from './trust.module.css';

/**
 * `/meine-entscheidungen`: every moderation decision about the user or their content, newest
 * first, each with its statement of reasons and, while possible, the appeal form. The
 * `moderation.decision` notification and its email link here.
 */
export function MyDecisionsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.documentTitle', { page: t('trust.decisions.title') }));
  const [searchParams, setSearchParams] = useSearchParams();
  const page = pageFrom(searchParams.get('seite'));
  const decisions = useMyDecisions(page);
  const lastPage = decisions.data
    ? Math.max(Math.ceil(decisions.data.total / MY_DECISIONS_PAGE_SIZE), 1)
    : page;

  // A page number beyond the end (an old link): show the last page.
  useEffect(() => {
    if (page > lastPage) {
      setSearchParams(lastPage > 1 ? { seite: String(lastPage) } : {}, { replace: true });
    }
  }, [page, lastPage, setSearchParams]);

  const renderContent = () => {
    if (decisions.isPending) {
      return <PageLoader />;
    }
    if (decisions.isError) {
      return (
        <ErrorAlert
          error={decisions.error}
          message={t('trust.decisions.loadError')}
          onRetry={() => void decisions.refetch()}
          retrying={decisions.isFetching}
        />
      );
    }
    if (decisions.data.total === 0) {
      return (
        <Paper withBorder radius="md" p="xl">
          <Stack gap="xs">
            <Title order={2} size="h3">
              {t('trust.decisions.emptyTitle')}
            </Title>
            <Text>{t('trust.decisions.emptyText')}</Text>
          </Stack>
        </Paper>
      );
    }
    return (
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('trust.decisions.count', { count: decisions.data.total })}
        </Text>
        <Stack
          component="ul"
          gap="md"
          className={classes.plainList}
          aria-busy={decisions.isPlaceholderData}
          style={{ opacity: decisions.isPlaceholderData ? 0.6 : 1 }}
        >
          {decisions.data.items.map((decision) => (
            <li key={decision.id}>
              <DecisionCard decision={decision} />
            </li>
          ))}
        </Stack>
        <PageNavigation
          label={t('trust.decisions.pagination')}
          total={decisions.data.total}
          pageSize={MY_DECISIONS_PAGE_SIZE}
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
          <Title order={1}>{t('trust.decisions.title')}</Title>
          <Text c="dimmed">{t('trust.decisions.intro', { days: MODERATION_LIMITS.appealDays })}</Text>
        </Stack>
        {renderContent()}
      </Stack>
    </Container>
  );
}
