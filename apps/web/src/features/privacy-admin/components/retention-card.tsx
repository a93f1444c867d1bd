import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { RETENTION, type RetentionReport } from '@nano/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatCount, formatDateTime } from '../../../shared/nanos/format.ts';
import { ConfirmDialog } from '../../../shared/ui/confirm-dialog.tsx';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { useRetentionPreview, useRunRetention } from '../api/retention.ts';

/** The periods each job's description names. */
const PERIODS = {
  years: RETENTION.auditEventYears,
  archivedYears: RETENTION.archivedNanoYears,
  months: RETENTION.inactiveAccountMonths,
  graceDays: RETENTION.inactiveGraceDays,
  unverifiedDays: RETENTION.unverifiedAccountDays,
  outboxDays: RETENTION.mailOutboxDays,
};

/** One report (dry run or real run): per job what it does and how many rows or accounts it affected. */
function ReportTable({ report, caption }: { report: RetentionReport; caption: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table verticalSpacing="xs" striped>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('privacyAdmin.retention.columns.job')}</Table.Th>
            <Table.Th scope="col">{t('privacyAdmin.retention.columns.affected')}</Table.Th>
            <Table.Th scope="col">{t('privacyAdmin.retention.columns.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.jobs.map((job) => (
            <Table.Tr key={job.job}>
              <Table.Th scope="row" fw="normal">
                <Stack gap={0}>
                  <Text size="sm" fw={600}>
                    {t(`privacyAdmin.retention.jobs.${job.job}.name`)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`privacyAdmin.retention.jobs.${job.job}.rule`, PERIODS)}
                  </Text>
                </Stack>
              </Table.Th>
              <Table.Td>
                <Text size="sm">{formatCount(job.affected, locale)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs">
                  {Object.entries(job.details)
                    .map(
                      ([key, value]) =>
                        `${t(`privacyAdmin.retention.details.${key}`, { defaultValue: key })}: ${formatCount(value, locale)}`,
                    )
                    .join(', ') || '–'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * Retention (SPEC §4.7): the daily jobs' dry run — what would be deleted or anonymised now —
 * and "Jetzt ausführen" for running them at once (confirmed first), with the report.
 */
export function RetentionCard() {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  const preview = useRetentionPreview();
  const run = useRunRetention();
  const [confirming, setConfirming] = useState(false);

  const renderPreview = () => {
    if (preview.isPending) {
      return <PageLoader />;
    }
    if (preview.isError) {
      return (
        <ErrorAlert
          error={preview.error}
          message={t('privacyAdmin.retention.loadError')}
          onRetry={() => void preview.refetch()}
          retrying={preview.isFetching}
        />
      );
    }
    return (
      <ReportTable
        report={preview.data}
        caption={t('privacyAdmin.retention.previewCaption', {
          at: formatDateTime(preview.data.ranAt, locale),
        })}
      />
    );
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4} maw={640}>
            <Title order={2} size="h3" id={headingId}>
              {t('privacyAdmin.retention.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('privacyAdmin.retention.intro')}
            </Text>
          </Stack>
          <Group gap="xs">
            <Button variant="default" onClick={() => void preview.refetch()} loading={preview.isRefetching}>
              {t('privacyAdmin.retention.refresh')}
            </Button>
            <Button color="red.9" onClick={() => setConfirming(true)}>
              {t('privacyAdmin.retention.run')}
            </Button>
          </Group>
        </Group>
        {run.data && (
          <ReportTable
            report={run.data}
            caption={t('privacyAdmin.retention.runCaption', { at: formatDateTime(run.data.ranAt, locale) })}
          />
        )}
        {renderPreview()}
      </Stack>
      <ConfirmDialog
        opened={confirming}
        onClose={() => {
          run.reset();
          setConfirming(false);
        }}
        title={t('privacyAdmin.retention.confirmTitle')}
        text={t('privacyAdmin.retention.confirmText')}
        confirmLabel={t('privacyAdmin.retention.confirm')}
        onConfirm={() => run.mutate(undefined, { onSuccess: () => setConfirming(false) })}
        pending={run.isPending}
        error={run.error}
      />
    </Paper>
  );
}
