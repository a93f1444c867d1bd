// The chart styles come with this lazily loaded page, not with every page.
import '@mantine/charts/styles.css';
import { Container, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { TransparencyReport } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatDateTime } from '../../../shared/nanos/format.ts';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { useTransparencyReport } from '../api/get-transparency-report.ts';
import { isEmptyReport, reportYearFrom, reportYears } from './transparency-format.ts';
import { ActionsSection, NoticesSection, ReportFigures, SpeedAndAppeals } from './transparency-sections.tsx';

const YEAR_PARAM = 'jahr';

function Report({ report, currentYear }: { report: TransparencyReport; currentYear: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Stack gap="lg">
      {isEmptyReport(report) && (
        <Paper withBorder radius="md" p="md">
          <Text>{t('trust.report.empty', { year: report.year })}</Text>
        </Paper>
      )}
      <ReportFigures report={report} />
      <NoticesSection report={report} />
      <ActionsSection report={report} />
      <SpeedAndAppeals report={report} />
      <Text size="sm" c="dimmed">
        {t('trust.report.generatedAt', { time: formatDateTime(report.generatedAt, locale) })}
        {report.year === currentYear && ` ${t('trust.report.provisional')}`}
      </Text>
    </Stack>
  );
}

/**
 * `/transparenzbericht?jahr=` (public): the yearly transparency report of the moderation (DSA
 * Art. 15 and 24): notices received, actions taken, time to decision, appeals and outcomes.
 */
export function TransparencyPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.documentTitle', { page: t('trust.report.title') }));
  const currentYear = new Date().getFullYear();
  const [searchParams, setSearchParams] = useSearchParams();
  const year = reportYearFrom(searchParams.get(YEAR_PARAM), currentYear);
  const report = useTransparencyReport(year);

  const renderContent = () => {
    if (report.isPending) {
      return <PageLoader />;
    }
    if (report.isError) {
      return (
        <ErrorAlert
          error={report.error}
          message={t('trust.report.loadError')}
          onRetry={() => void report.refetch()}
          retrying={report.isFetching}
        />
      );
    }
    return (
      <div
        aria-busy={report.isPlaceholderData}
        style={{ opacity: report.isPlaceholderData ? 0.6 : 1, transition: 'opacity 150ms' }}
      >
        <Report report={report.data} currentYear={currentYear} />
      </div>
    );
  };

  return (
    <Container size="lg" py="xl">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end" gap="md">
          <Stack gap={4} maw={760}>
            <Title order={1}>{t('trust.report.heading', { year })}</Title>
            <Text>{t('trust.report.intro')}</Text>
            <Text size="sm" c="dimmed">
              {t('trust.report.introMore')}
            </Text>
          </Stack>
          <NativeSelect
            label={t('trust.report.year')}
            value={String(year)}
            onChange={(event) => {
              const next = Number(event.currentTarget.value);
              setSearchParams(next === currentYear ? {} : { [YEAR_PARAM]: String(next) }, { replace: true });
            }}
            data={reportYears(currentYear).map((value) => String(value))}
          />
        </Group>
        {renderContent()}
      </Stack>
    </Container>
  );
}
