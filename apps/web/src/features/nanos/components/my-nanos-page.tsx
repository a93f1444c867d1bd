import { Button, Container, Group, Pagination, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { paths } from '../../../shared/routes.ts';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { SuccessAlert } from '../../../shared/ui/success-alert.tsx';
import type { StatusAction } from '../api/change-nano-status.ts';
import { MY_NANOS_PAGE_SIZE, useMyNanos } from '../api/get-my-nanos.ts';
import { MyNanosTable } from './my-nanos-table.tsx';
import { StatusActionError, useStatusActions } from './use-status-actions.tsx';

function pageFrom(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 0 ? page : 1;
}

function EmptyState() {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="xl">
      <Stack gap="sm" align="flex-start">
        <Title order={2}>{t('myNanos.emptyTitle')}</Title>
        <Text>{t('myNanos.emptyText')}</Text>
        <Button component={Link} to={paths.newNano.getHref()}>
          {t('myNanos.emptyAction')}
        </Button>
      </Stack>
    </Paper>
  );
}

/** `/meine-nanos`: the creator's own Nanos in every status, with their actions, page by page. */
export function MyNanosPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.documentTitle', { page: t('myNanos.title') }));
  const [searchParams, setSearchParams] = useSearchParams();
  const page = pageFrom(searchParams.get('seite'));
  const nanos = useMyNanos(page);
  const [done, setDone] = useState<{ action: StatusAction; title: string }>();
  const actions = useStatusActions({ onDone: (action, nano) => setDone({ action, title: nano.title }) });

  const renderContent = () => {
    if (nanos.isPending) {
      return <PageLoader />;
    }
    if (nanos.isError) {
      return (
        <ErrorAlert
          error={nanos.error}
          message={t('myNanos.loadError')}
          onRetry={() => void nanos.refetch()}
          retrying={nanos.isFetching}
        />
      );
    }
    if (nanos.data.total === 0) {
      return <EmptyState />;
    }
    const pageCount = Math.ceil(nanos.data.total / MY_NANOS_PAGE_SIZE);
    return (
      <Stack gap="md">
        <MyNanosTable
          items={nanos.data.items}
          onAction={(action, nano) => {
            setDone(undefined);
            actions.request(action, nano);
          }}
        />
        {pageCount > 1 && (
          <Pagination
            total={pageCount}
            value={page}
            onChange={(next) => setSearchParams(next > 1 ? { seite: String(next) } : {})}
            getItemProps={(item) => ({ 'aria-label': t('myNanos.goToPage', { page: item }) })}
            getControlProps={(control) => ({ 'aria-label': t(`myNanos.pagination.${control}`) })}
          />
        )}
      </Stack>
    );
  };

  return (
    <Container size="lg" py="xl">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end">
          <Stack gap={4}>
            <Title order={1}>{t('myNanos.title')}</Title>
            <Text c="dimmed">{t('myNanos.intro')}</Text>
          </Stack>
          <Group gap="sm">
            <Button component={Link} to={paths.creatorAnalytics.getHref()} variant="default">
              {t('analytics.myNanosLink')}
            </Button>
            <Button component={Link} to={paths.newNano.getHref()}>
              {t('myNanos.upload')}
            </Button>
          </Group>
        </Group>
        <StatusActionError error={actions.error} />
        {done && <SuccessAlert title={t(`nanoActions.done.${done.action}`, { title: done.title })} />}
        {renderContent()}
      </Stack>
      {actions.dialog}
    </Container>
  );
}
