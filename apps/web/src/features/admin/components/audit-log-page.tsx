import { Button, Container, Group, Pagination, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { ADMIN_LIMITS } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatCount } from '../../../shared/nanos/format.ts';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { AUDIT_PAGE_SIZE, auditExportUrl, useAuditLog } from '../api/get-audit-log.ts';
import { AuditFilterForm } from './audit-filter-form.tsx';
import { auditStateFromParams, auditStateToParams } from './audit-params.ts';
import { AuditTable } from './audit-table.tsx';

/** `/admin/audit` (admins): the audit log with filters in the address, details, paging and CSV export. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  useDocumentTitle(t('app.documentTitle', { page: t('admin.audit.title') }));
  const [searchParams, setSearchParams] = useSearchParams();
  const { filters, page } = auditStateFromParams(searchParams);
  const events = useAuditLog(filters, page);
  const filterKey = auditStateToParams(filters).toString();

  const renderContent = () => {
    if (events.isPending) {
      return <PageLoader />;
    }
    if (events.isError) {
      return (
        <ErrorAlert
          error={events.error}
          message={t('admin.audit.loadError')}
          onRetry={() => void events.refetch()}
          retrying={events.isFetching}
        />
      );
    }
    const { items, total } = events.data;
    const pageCount = Math.ceil(total / AUDIT_PAGE_SIZE);
    return (
      <Stack
        gap="md"
        aria-busy={events.isPlaceholderData}
        style={{ opacity: events.isPlaceholderData ? 0.6 : 1 }}
      >
        {items.length === 0 ? <Text>{t('admin.audit.empty')}</Text> : <AuditTable events={items} />}
        {pageCount > 1 && (
          <Pagination
            total={pageCount}
            value={Math.min(page, pageCount)}
            onChange={(next) => setSearchParams(auditStateToParams(filters, next))}
            getItemProps={(item) => ({ 'aria-label': t('admin.pagination.page', { page: item }) })}
            getControlProps={(control) => ({ 'aria-label': t(`admin.pagination.${control}`) })}
          />
        )}
      </Stack>
    );
  };

  return (
    <Container size="lg" py="xl">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>{t('admin.audit.title')}</Title>
          <Text c="dimmed">{t('admin.audit.intro')}</Text>
        </Stack>
        {/* A new address (a link with ?ziel=, the back button) starts the form from it. */}
        <AuditFilterForm
          key={filterKey}
          filters={filters}
          onApply={(next) => setSearchParams(auditStateToParams(next))}
        />
        <Group justify="space-between" align="center">
          <Text role="status" size="sm">
            {events.data
              ? t('admin.audit.count', {
                  count: events.data.total,
                  formatted: formatCount(events.data.total, locale),
                })
              : ''}
          </Text>
          <Button
            component="a"
            href={auditExportUrl(filters)}
            download
            variant="default"
            disabled={events.data?.total === 0}
          >
            {t('admin.audit.export')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('admin.audit.exportHint', { max: formatCount(ADMIN_LIMITS.auditExportMaxRows, locale) })}
        </Text>
        {renderContent()}
      </Stack>
    </Container>
  );
}
