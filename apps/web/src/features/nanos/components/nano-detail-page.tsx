import { Anchor, Container, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { Nano } from '@nano/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../shared/api/client.ts';
import { useNano } from '../../../shared/nanos/api/get-nano.ts';
import { paths } from '../../../shared/routes.ts';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { FeaturedToggle } from './featured-toggle.tsx';
import { NanoDetailView } from './nano-detail-view.tsx';
import { OwnerActions } from './owner-actions.tsx';
import { StatusBanner } from './status-banner.tsx';
import { StatusActionError, useStatusActions } from './use-status-actions.tsx';

export function NanoNotFound() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" align="flex-start">
      <Title order={1}>{t('nano.notFoundTitle')}</Title>
      <Text>{t('nano.notFoundText')}</Text>
      <Anchor component={Link} to={paths.home.getHref()}>
        {t('notFound.home')}
      </Anchor>
    </Stack>
  );
}

/** Sections the app adds under a Nano's viewer (ratings and comments), composed in the router. */
export type NanoSections = (nano: Nano) => ReactNode;

/** Buttons the app adds beside the Nano's own actions (the chat with its creator), composed in the router. */
export type NanoActions = (nano: Nano) => ReactNode;

interface NanoSlots {
  sections?: NanoSections | undefined;
  actions?: NanoActions | undefined;
}

function Detail({ nano, sections, actions: extraActions }: { nano: Nano } & NanoSlots) {
  const navigate = useNavigate();
  const actions = useStatusActions({
    onDone: (action) => {
      if (action === 'delete') {
        void navigate(paths.myNanos.getHref(), { replace: true });
      }
    },
  });
  // The owner and staff look at the version in the works when nothing is live yet.
  const version = nano.currentVersion ?? nano.pendingVersion;
  return (
    <Stack gap="lg">
      <StatusBanner nano={nano} />
      <StatusActionError error={actions.error} />
      <NanoDetailView
        nano={nano}
        level={1}
        version={version}
        actions={
          <>
            {extraActions?.(nano)}
            <OwnerActions
              nano={nano}
              runningAction={actions.runningAction}
              onAction={(action) => actions.request(action, nano)}
            />
            <FeaturedToggle nano={nano} />
          </>
        }
      >
        {sections?.(nano)}
      </NanoDetailView>
      {actions.dialog}
    </Stack>
  );
}

/** `/nanos/:id`: a Nano's detail page with the viewer; owner and staff also see its status and actions. */
export function NanoDetailPage({ sections, actions }: NanoSlots) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const nano = useNano(id);
  const notFound = nano.error instanceof ApiError && (nano.error.status === 404 || nano.error.status === 400);
  useDocumentTitle(
    t('app.documentTitle', {
      page: nano.data?.title ?? (notFound ? t('nano.notFoundTitle') : t('nano.title')),
    }),
  );

  const renderContent = () => {
    if (nano.isPending) {
      return <PageLoader />;
    }
    if (notFound) {
      return <NanoNotFound />;
    }
    if (nano.isError) {
      return (
        <Stack gap="md">
          <Title order={1}>{t('nano.title')}</Title>
          <ErrorAlert
            error={nano.error}
            message={t('nano.loadError')}
            onRetry={() => void nano.refetch()}
            retrying={nano.isFetching}
          />
        </Stack>
      );
    }
    return <Detail nano={nano.data} sections={sections} actions={actions} />;
  };

  return (
    <Container size="lg" py="xl">
      {renderContent()}
    </Container>
  );
}
