import { Grid, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { TransparencyReport } from '@nano/contracts';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatCount } from '../../../shared/nanos/format.ts';
import { ActionsChart } from './transparency-chart.tsx';
import { formatHours } from './transparency-format.ts';

export function Section({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId} h="100%">
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={2} size="h4" id={headingId}>
            {title}
          </Title>
          {intro && (
            <Text size="sm" c="dimmed">
              {intro}
            </Text>
          )}
        </Stack>
        {children}
      </Stack>
    </Paper>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.3}>
        {value}
      </Text>
    </Paper>
  );
}

/** Two-column table: a label and a count per row. */
function CountTable({
  caption,
  rows,
}: {
  caption: string;
  rows: { key: string; label: string; count: number }[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Table striped withTableBorder>
      <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('trust.report.type')}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('trust.report.count')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key}>
            <Table.Th scope="row" fw={400}>
              {row.label}
            </Table.Th>
            <Table.Td ta="right">{formatCount(row.count, locale)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The headline figures: notices, decisions (and how many automated), appeals. */
export function ReportFigures({ report }: { report: TransparencyReport }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const notices = report.notices.reduce((sum, row) => sum + row.count, 0);
  const decisions = report.actions.reduce((sum, row) => sum + row.count, 0);
  const automated = report.actions.reduce((sum, row) => sum + row.automated, 0);
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
      <Figure label={t('trust.report.figures.notices')} value={formatCount(notices, locale)} />
      <Figure label={t('trust.report.figures.decisions')} value={formatCount(decisions, locale)} />
      <Figure label={t('trust.report.figures.automated')} value={formatCount(automated, locale)} />
      <Figure
        label={t('trust.report.figures.appeals')}
        value={formatCount(report.appeals.received, locale)}
      />
    </SimpleGrid>
  );
}

/** Notices by type and user flags by reason. */
export function NoticesSection({ report }: { report: TransparencyReport }) {
  const { t } = useTranslation();
  return (
    <Section title={t('trust.report.notices.title')} intro={t('trust.report.notices.intro')}>
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <CountTable
            caption={t('trust.report.notices.byType')}
            rows={report.notices.map((row) => ({
              key: row.type,
              label: t(`trust.report.noticeTypes.${row.type}`),
              count: row.count,
            }))}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <CountTable
            caption={t('trust.report.notices.byReason')}
            rows={report.flagsByReason.map((row) => ({
              key: row.reason,
              label: t(`trust.flag.reasons.${row.reason}`),
              count: row.count,
            }))}
          />
        </Grid.Col>
      </Grid>
    </Section>
  );
}

/** Decisions by action and source, as a chart and as a table with the automated share. */
export function ActionsSection({ report }: { report: TransparencyReport }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows = [...report.actions].sort((a, b) => b.count - a.count);
  return (
    <Section title={t('trust.report.actionsTitle')} intro={t('trust.report.actionsIntro')}>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('trust.report.noActions')}</Text>
      ) : (
        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <ActionsChart report={report} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Table striped withTableBorder>
              <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
                {t('trust.report.actionsTable')}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('trust.report.action')}</Table.Th>
                  <Table.Th scope="col">{t('trust.report.source')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('trust.report.count')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('trust.report.automated')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={`${row.action}-${row.source}`}>
                    <Table.Th scope="row" fw={400}>
                      {t(`trust.actions.${row.action}`)}
                    </Table.Th>
                    <Table.Td>{t(`trust.sources.${row.source}`)}</Table.Td>
                    <Table.Td ta="right">{formatCount(row.count, locale)}</Table.Td>
                    <Table.Td ta="right">{formatCount(row.automated, locale)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Grid.Col>
        </Grid>
      )}
    </Section>
  );
}

/** Median time to decision per kind, and the appeals with their outcomes. */
export function SpeedAndAppeals({ report }: { report: TransparencyReport }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { medianHoursToDecision: median, appeals } = report;
  return (
    <Grid gutter="md">
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Section title={t('trust.report.median.title')} intro={t('trust.report.median.intro')}>
          <CountTableText
            rows={[
              {
                key: 'reviews',
                label: t('trust.report.median.reviews'),
                value: formatHours(median.reviews, locale),
              },
              {
                key: 'flags',
                label: t('trust.report.median.flags'),
                value: formatHours(median.flags, locale),
              },
              {
                key: 'takedowns',
                label: t('trust.report.median.takedowns'),
                value: formatHours(median.takedowns, locale),
              },
            ]}
            valueHeader={t('trust.report.median.value')}
          />
        </Section>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Section title={t('trust.report.appeals.title')} intro={t('trust.report.appeals.intro')}>
          <CountTableText
            rows={(['received', 'upheld', 'reversed', 'open'] as const).map((key) => ({
              key,
              label: t(`trust.report.appeals.${key}`),
              value: formatCount(appeals[key], locale),
            }))}
            valueHeader={t('trust.report.count')}
          />
        </Section>
      </Grid.Col>
    </Grid>
  );
}

function CountTableText({
  rows,
  valueHeader,
}: {
  rows: { key: string; label: string; value: string }[];
  valueHeader: string;
}) {
  const { t } = useTranslation();
  return (
    <Table withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('trust.report.type')}</Table.Th>
          <Table.Th scope="col" ta="right">
            {valueHeader}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key}>
            <Table.Th scope="row" fw={400}>
              {row.label}
            </Table.Th>
            <Table.Td ta="right">{row.value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
