import { Paper, SimpleGrid, Text } from '@mantine/core';
import { MODERATION_LIMITS, type PlatformAnalytics } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatCount } from '../../../shared/nanos/format.ts';
import { formatDay, formatPercent } from './admin-format.ts';

function Kpi({ label, value, hint }: { label: string; value: string; hint: string }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={label}>
      <Text size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.3}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Paper>
  );
}

/** Hours as "5 Std." up to two days, then as days ("3 Tage"). */
export function formatAge(hours: number, locale: string): string {
  if (hours < 48) {
    return new Intl.NumberFormat(locale, { style: 'unit', unit: 'hour', maximumFractionDigits: 0 }).format(
      hours,
    );
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'day',
    unitDisplay: 'long',
    maximumFractionDigits: 1,
  }).format(hours / 24);
}

/** The range's key figures: active users, the review queue and its SLA, the error rate. */
export function PlatformKpis({ data }: { data: PlatformAnalytics }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const count = (value: number) => formatCount(value, locale);
  const to = formatDay(data.to, locale);
  const { moderation, errors } = data;
  const oldest = moderation.oldestAgeHours;
  const ageHint =
    oldest === null
      ? t('admin.analytics.kpi.queueEmpty')
      : oldest > MODERATION_LIMITS.slaAlertHours
        ? t('admin.analytics.kpi.oldestOverdue', { hours: MODERATION_LIMITS.slaAlertHours })
        : t('admin.analytics.kpi.oldestHint', {
            target: MODERATION_LIMITS.slaTargetHours,
            alert: MODERATION_LIMITS.slaAlertHours,
          });
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
      <Kpi
        label={t('admin.analytics.kpi.dau')}
        value={count(data.activeUsers.dau)}
        hint={t('admin.analytics.kpi.dauHint', { to })}
      />
      <Kpi
        label={t('admin.analytics.kpi.wau')}
        value={count(data.activeUsers.wau)}
        hint={t('admin.analytics.kpi.wauHint', { to })}
      />
      <Kpi
        label={t('admin.analytics.kpi.mau')}
        value={count(data.activeUsers.mau)}
        hint={t('admin.analytics.kpi.mauHint', { to })}
      />
      <Kpi
        label={t('admin.analytics.kpi.queue')}
        value={count(moderation.queueSize)}
        hint={t('admin.analytics.kpi.queueHint')}
      />
      <Kpi
        label={t('admin.analytics.kpi.oldest')}
        value={oldest === null ? '–' : formatAge(oldest, locale)}
        hint={ageHint}
      />
      <Kpi
        label={t('admin.analytics.kpi.sla')}
        value={moderation.slaHitRate === null ? '–' : formatPercent(moderation.slaHitRate, locale)}
        hint={t('admin.analytics.kpi.slaHint', {
          count: moderation.decided,
          formatted: count(moderation.decided),
          hours: MODERATION_LIMITS.slaTargetHours,
        })}
      />
      <Kpi
        label={t('admin.analytics.kpi.errors')}
        value={formatPercent(errors.rate, locale, 2)}
        hint={t('admin.analytics.kpi.errorsHint', {
          errors: count(errors.serverErrors),
          requests: count(errors.requests),
        })}
      />
    </SimpleGrid>
  );
}
