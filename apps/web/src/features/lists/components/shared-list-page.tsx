import { Anchor, Container, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { SharedList } from '@nano/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../shared/api/client.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatDate } from '../../../shared/nanos/format.ts';
import { SearchHitCard } from '../../../shared/nanos/search-hit-card.tsx';
import { paths } from '../../../shared/routes.ts';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { useSharedList } from '../api/get-shared-list.ts';

const COLUMNS = { base: 1, xs: 2, lg: 3 };

/** A revoked or mistyped link. */
function LinkInvalid() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" align="flex-start">
      <Title order={1}>{t('lists.sharedPage.invalidTitle')}</Title>
      <Text>{t('lists.sharedPage.invalidText')}</Text>
      <Anchor component={Link} to={paths.search.getHref()}>
        {t('lists.sharedPage.discover')}
      </Anchor>
    </Stack>
  );
}

function SharedListView({ list }: { list: SharedList }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const itemsHeadingId = useId();
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          {list.name}
        </Title>
        <Text c="dimmed">
          {t('lists.sharedPage.by', { name: list.owner.displayName })}
          {' · '}
          {t('lists.sharedPage.updated', { date: formatDate(list.updatedAt, locale) })}
        </Text>
        {list.description && (
          <Text style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{list.description}</Text>
        )}
      </Stack>
      <Title order={2} size="h4" id={itemsHeadingId}>
        {t('lists.itemCount', { count: list.items.length })}
      </Title>
      {list.items.length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <Text>{t('lists.sharedPage.empty')}</Text>
        </Paper>
      ) : (
        <SimpleGrid
          component="ol"
          cols={COLUMNS}
          spacing="md"
          aria-labelledby={itemsHeadingId}
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {list.items.map((hit) => (
            <li key={hit.id}>
              <SearchHitCard hit={hit} />
            </li>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

/** `/geteilt/:token`: a list someone shared, read-only and without sign-in; only published Nanos. */
export function SharedListPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const list = useSharedList(token);
  const invalid = list.error instanceof ApiError && (list.error.status === 404 || list.error.status === 400);
  useDocumentTitle(
    t('app.documentTitle', {
      page: list.data?.name ?? (invalid ? t('lists.sharedPage.invalidTitle') : t('lists.sharedPage.title')),
    }),
  );

  const renderContent = () => {
    if (list.isPending) {
      return <PageLoader />;
    }
    if (invalid) {
      return <LinkInvalid />;
    }
    if (list.isError) {
      return (
        <Stack gap="md">
          <Title order={1}>{t('lists.sharedPage.title')}</Title>
          <ErrorAlert
            error={list.error}
            message={t('lists.sharedPage.loadError')}
            onRetry={() => void list.refetch()}
            retrying={list.isFetching}
          />
        </Stack>
      );
    }
    return <SharedListView list={list.data} />;
  };

  return (
    <Container size="lg" py="xl">
      {renderContent()}
    </Container>
  );
}
