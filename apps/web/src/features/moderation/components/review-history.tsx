import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReviewDetail } from '@nano/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatDateTime } from '../../../shared/nanos/format.ts';
import { useReasonTitle } from './decision-summary.tsx';

const DECISION_COLORS = { approve: 'teal.9', request_changes: 'yellow.4', reject: 'red.9' } as const;

/** Earlier review decisions on this Nano, newest first: decision, reviewer, date, reasons, note. */
export function ReviewHistory({ history }: { history: ReviewDetail['history'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const reasonTitle = useReasonTitle();
  const headingId = useId();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {t('moderation.review.historyTitle')}
        </Title>
        {history.length === 0 ? (
          <Text size="sm">{t('moderation.review.historyEmpty')}</Text>
        ) : (
          <Stack component="ol" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
            {history.map((entry) => (
              <Stack component="li" key={`${entry.at}-${entry.decision}`} gap={4}>
                <Group gap="xs">
                  <Badge color={DECISION_COLORS[entry.decision]} autoContrast variant="filled" tt="none">
                    {t(`moderation.actions.${entry.decision}`)}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {t('moderation.review.historyBy', {
                      reviewer: entry.reviewer,
                      date: formatDateTime(entry.at, locale),
                    })}
                  </Text>
                </Group>
                {entry.reasons.length > 0 && (
                  <Text size="sm">{entry.reasons.map(reasonTitle).join(', ')}</Text>
                )}
                {entry.note && (
                  <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                    {entry.note}
                  </Text>
                )}
              </Stack>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
