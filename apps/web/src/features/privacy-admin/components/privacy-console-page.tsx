import { Anchor, Button, Checkbox, Container, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { PRIVACY_LIMITS, PRIVACY_REQUEST_STATUSES, PRIVACY_REQUEST_TYPES } from '@nano/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { paths } from '../../../shared/routes.ts';
import { SuccessAlert } from '../../../shared/ui/success-alert.tsx';
import type { PrivacyRequestFilters } from '../api/get-privacy-requests.ts';
import { RecordRequestDialog } from './record-request-dialog.tsx';
import { requestFiltersFromParams, requestFiltersToParams } from './request-filters.ts';
import { RequestsSection } from './requests-section.tsx';
import { RetentionCard } from './retention-card.tsx';

/** Status, type and "only overdue"; every change goes to the address and back to page 1. */
function RequestFilters({
  filters,
  onChange,
}: {
  filters: PrivacyRequestFilters;
  onChange: (next: PrivacyRequestFilters) => void;
}) {
  const { t } = useTranslation();
  const set = (change: Partial<PrivacyRequestFilters>) => onChange({ ...filters, ...change, page: 1 });
  return (
    <Group gap="md" align="flex-end">
      <Select
        label={t('privacyAdmin.filters.status')}
        placeholder={t('privacyAdmin.filters.all')}
        data={PRIVACY_REQUEST_STATUSES.map((value) => ({ value, label: t(`privacyAdmin.status.${value}`) }))}
        value={filters.status}
        onChange={(value) => set({ status: value as PrivacyRequestFilters['status'] })}
        clearable
        w={200}
      />
      <Select
        label={t('privacyAdmin.filters.type')}
        placeholder={t('privacyAdmin.filters.all')}
        data={PRIVACY_REQUEST_TYPES.map((value) => ({ value, label: t(`privacyAdmin.type.${value}`) }))}
        value={filters.type}
        onChange={(value) => set({ type: value as PrivacyRequestFilters['type'] })}
        clearable
        w={200}
      />
      <Checkbox
        label={t('privacyAdmin.filters.overdue')}
        checked={filters.overdue}
        onChange={(event) => set({ overdue: event.currentTarget.checked })}
        mb={8}
      />
    </Group>
  );
}

/**
 * `/admin/datenschutz` (admins): the DSGVO console — every data-subject request with its
 * 30-day due date, the actions per type, recording requests received by email or letter,
 * and the retention jobs.
 */
export function PrivacyConsolePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.documentTitle', { page: t('privacyAdmin.console.title') }));
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = requestFiltersFromParams(searchParams);
  const [recording, setRecording] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const headingId = useId();

  return (
    <Container size="xl" py="xl">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>{t('privacyAdmin.console.title')}</Title>
          <Text c="dimmed">{t('privacyAdmin.console.intro', { days: PRIVACY_LIMITS.requestDueDays })}</Text>
          <Anchor component={Link} to={paths.adminLegal.getHref()} size="sm">
            {t('privacyAdmin.console.legalLink')}
          </Anchor>
        </Stack>
        {notice && <SuccessAlert title={notice} />}
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
          <Stack gap="md">
            <Group justify="space-between" align="flex-start">
              <Title order={2} size="h3" id={headingId}>
                {t('privacyAdmin.requests.title')}
              </Title>
              <Button onClick={() => setRecording(true)}>{t('privacyAdmin.record.open')}</Button>
            </Group>
            <Text size="sm" c="dimmed">
              {t('privacyAdmin.requests.exportHint')}
            </Text>
            <RequestFilters
              filters={filters}
              onChange={(next) => setSearchParams(requestFiltersToParams(next))}
            />
            <RequestsSection
              filters={filters}
              onPage={(page) => setSearchParams(requestFiltersToParams({ ...filters, page }))}
              onNotice={setNotice}
            />
          </Stack>
        </Paper>
        <RetentionCard />
      </Stack>
      {recording && (
        <RecordRequestDialog
          opened
          onClose={() => setRecording(false)}
          onRecorded={(type) =>
            setNotice(t('privacyAdmin.notices.recorded', { type: t(`privacyAdmin.type.${type}`) }))
          }
        />
      )}
    </Container>
  );
}
