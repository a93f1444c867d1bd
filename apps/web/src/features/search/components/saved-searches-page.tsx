import { Anchor, Container, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { SEARCH_LIMITS } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../shared/routes.ts';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { useSavedSearches } from '../api/get-saved-searches.ts';
import { SavedSearchItem } from './saved-search-item.tsx';

/** `/gespeicherte-suchen`: the user's saved searches, to open, rename, alert on or off, delete. */
export function SavedSearchesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.documentTitle', { page: t('savedSearches.title') }));
  const saved = useSavedSearches();

  const renderContent = () => {
    if (saved.isPending) {
      return <PageLoader />;
    }
    if (saved.isError) {
      return (
        <ErrorAlert
          error={saved.error}
          message={t('savedSearches.loadError')}
          onRetry={() => void saved.refetch()}
          retrying={saved.isFetching}
        />
      );
    }
    if (saved.data.length === 0) {
      return (
        <Stack gap="xs" align="flex-start">
          <Text>{t('savedSearches.empty')}</Text>
          <Anchor component={Link} to={paths.search.getHref()}>
            {t('savedSearches.goToSearch')}
          </Anchor>
        </Stack>
      );
    }
    return (
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('savedSearches.count', { count: saved.data.length, max: SEARCH_LIMITS.savedSearchesMax })}
        </Text>
        <Stack component="ul" gap="md" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {saved.data.map((item) => (
            <li key={item.id}>
              <SavedSearchItem saved={item} />
            </li>
          ))}
        </Stack>
      </Stack>
    );
  };

  return (
    <Container size="md" py="xl">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>{t('savedSearches.title')}</Title>
          <Text c="dimmed">{t('savedSearches.intro')}</Text>
        </Stack>
        {renderContent()}
      </Stack>
    </Container>
  );
}
