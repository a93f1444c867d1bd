import { Pagination, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatCount } from '../../../shared/nanos/format.ts';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import {
  PRIVACY_REQUESTS_PAGE_SIZE,
  type PrivacyRequestFilters,
  usePrivacyRequests,
} from '../api/get-privacy-requests.ts';
import { RequestsTable } from './requests-table.tsx';

/** The requests matching the filters with their count and paging. */
export function RequestsSection({
  filters,
  onPage,
  onNotice,
  withUser = true,
}: {
  filters: PrivacyRequestFilters;
  onPage: (page: number) => void;
  onNotice: (text: string) => void;
  withUser?: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const requests = usePrivacyRequests(filters);
  if (requests.isPending) {
    return <PageLoader />;
  }
  if (requests.isError) {
    return (
      <ErrorAlert
        error={requests.error}
        message={t('privacyAdmin.requests.loadError')}
        onRetry={() => void requests.refetch()}
        retrying={requests.isFetching}
      />
    );
  }
  const { items, total } = requests.data;
  const pageCount = Math.ceil(total / PRIVACY_REQUESTS_PAGE_SIZE);
  return (
    <Stack
      gap="sm"
      aria-busy={requests.isPlaceholderData}
      style={{ opacity: requests.isPlaceholderData ? 0.6 : 1 }}
    >
      <Text role="status" size="sm">
        {t('privacyAdmin.requests.count', { count: total, formatted: formatCount(total, locale) })}
      </Text>
      {items.length === 0 ? (
        <Text>{t('privacyAdmin.requests.empty')}</Text>
      ) : (
        <RequestsTable requests={items} onNotice={onNotice} withUser={withUser} />
      )}
      {pageCount > 1 && (
        <Pagination
          total={pageCount}
          value={Math.min(filters.page, pageCount)}
          onChange={onPage}
          getItemProps={(item) => ({ 'aria-label': t('admin.pagination.page', { page: item }) })}
          getControlProps={(control) => ({ 'aria-label': t(`admin.pagination.${control}`) })}
        />
      )}
    </Stack>
  );
}
