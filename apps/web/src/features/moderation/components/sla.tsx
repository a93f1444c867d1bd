import { Badge } from '@mantine/core';
import type { SlaState } from '@nano/contracts';
import { useTranslation } from 'react-i18next';

/**
 * SLA colours: teal within the 24 h target, orange up to 48 h, red beyond. Text on them keeps
 * 4.5:1 (white on shade 9, dark on orange 4 via autoContrast); an icon and the words say the
 * same for those who do not see the colour.
 */
export const SLA_COLORS: Record<SlaState, string> = {
  ok: 'teal.9',
  warning: 'orange.4',
  overdue: 'red.9',
};

/** A tick (on schedule), a clock (due soon) or an exclamation mark in a triangle (overdue). */
export function SlaIcon({ sla, size = 12 }: { sla: SlaState; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={3}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      data-sla-icon={sla}
    >
      {sla === 'ok' && <path d="M5 12.5l4.5 4.5L19 7.5" />}
      {sla === 'warning' && (
        <>
          <circle cx="12" cy="12" r="9" />
          <path d="M12 7v5l3 2" />
        </>
      )}
      {sla === 'overdue' && (
        <>
          <path d="M12 3L2 21h20L12 3z" />
          <path d="M12 10v4" />
          <path d="M12 17.5v.01" />
        </>
      )}
    </svg>
  );
}

/** "5 Std." below two days, "3 Tage" beyond, "< 1 Std." for fresh items. */
export function useAgeLabel() {
  const { t } = useTranslation();
  return (hours: number) => {
    if (hours < 1) {
      return t('moderation.age.lessThanHour');
    }
    return hours < 48
      ? t('moderation.age.hours', { count: Math.floor(hours) })
      : t('moderation.age.days', { count: Math.floor(hours / 24) });
  };
}

/** An item's age with its SLA state: "30 Std. · bald fällig" on the SLA colour, with the icon. */
export function SlaBadge({ ageHours, sla }: { ageHours: number; sla: SlaState }) {
  const { t } = useTranslation();
  const ageLabel = useAgeLabel();
  return (
    <Badge
      color={SLA_COLORS[sla]}
      autoContrast
      variant="filled"
      tt="none"
      miw="max-content"
      leftSection={<SlaIcon sla={sla} />}
      data-sla={sla}
    >
      {`${ageLabel(ageHours)} · ${t(`moderation.sla.${sla}`)}`}
    </Badge>
  );
}
