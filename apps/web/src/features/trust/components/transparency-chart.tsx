import { BarChart } from '@mantine/charts';
import type { TransparencyReport } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatCount } from '../../../shared/nanos/format.ts';
import { actionTotals } from './transparency-format.ts';

/**
 * Decisions per action as horizontal bars, split into by people and by automated means. Hidden
 * from screen readers: the table next to it has the same figures.
 */
export function ActionsChart({ report }: { report: TransparencyReport }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const data = actionTotals(report).map((row) => ({
    action: t(`trust.actions.${row.action}`),
    manual: row.count - row.automated,
    automated: row.automated,
  }));
  if (data.length === 0) {
    return null;
  }
  return (
    <BarChart
      h={Math.max(160, data.length * 44)}
      aria-hidden="true"
      data={data}
      dataKey="action"
      type="stacked"
      orientation="vertical"
      series={[
        { name: 'manual', label: t('trust.report.byPeople'), color: 'blue.7' },
        { name: 'automated', label: t('trust.report.byAutomation'), color: 'orange.6' },
      ]}
      withLegend
      gridAxis="none"
      tickLine="none"
      withXAxis={false}
      valueFormatter={(value) => formatCount(value, locale)}
      yAxisProps={{ width: 150 }}
      tooltipAnimationDuration={150}
    />
  );
}
