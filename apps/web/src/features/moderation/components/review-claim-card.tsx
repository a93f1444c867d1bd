import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { MODERATION_LIMITS } from '@nano/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { InfoAlert } from '../../../shared/ui/info-alert.tsx';
import { formatUntil } from './format.ts';
import type { useReviewClaim } from './use-review-claim.ts';

/**
 * Who reviews this Nano: free (taken over on the first interaction or with the button), mine
 * until HH:MM (renew, hand back), or a colleague's until HH:MM (the decision is locked).
 */
export function ReviewClaimCard({ claim }: { claim: ReturnType<typeof useReviewClaim> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  const until = claim.active ? formatUntil(claim.active.expiresAt, locale) : '';
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {t('moderation.review.claimTitle')}
        </Title>
        {claim.state === 'free' && (
          <Text size="sm">
            {t('moderation.review.claimFree', { minutes: MODERATION_LIMITS.claimMinutes })}
          </Text>
        )}
        {claim.state === 'mine' && <Text size="sm">{t('moderation.review.claimMine', { time: until })}</Text>}
        {claim.state === 'other' && claim.active && (
          <InfoAlert
            title={t('moderation.review.claimOther', { name: claim.active.by.displayName, time: until })}
          >
            {t('moderation.review.claimOtherHint')}
          </InfoAlert>
        )}
        <FormErrorAlert error={claim.error} />
        {claim.state !== 'other' && (
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={claim.take} loading={claim.pending}>
              {claim.state === 'mine' ? t('moderation.review.renew') : t('moderation.review.claim')}
            </Button>
            {claim.state === 'mine' && (
              <Button size="xs" variant="subtle" onClick={claim.release} disabled={claim.pending}>
                {t('moderation.review.release')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
