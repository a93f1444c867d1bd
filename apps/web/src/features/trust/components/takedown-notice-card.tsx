import { Anchor, Badge, Paper, Stack, Text, Title } from '@mantine/core';
import type { ownTakedownSchema, TakedownStatus } from '@nano/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatDateTime } from '../../../shared/nanos/format.ts';
import { paths } from '../../../shared/routes.ts';
import { SuccessAlert } from '../../../shared/ui/success-alert.tsx';
import { CounterNoticeForm } from './counter-notice-form.tsx';
import { Deadline, timeLeft, useNow } from './deadline.tsx';
import { safeWebUrl } from './safe-link.ts';
import classes from './trust.module.css';

export type OwnTakedown = z.infer<typeof ownTakedownSchema>;

/** Badge colours by status; shade 9 keeps white text at 4.5:1 and more. */
const STATUS_COLORS: Record<TakedownStatus, string> = {
  unconfirmed: 'gray.8',
  awaiting_response: 'red.9',
  responded: 'blue.9',
  upheld: 'grape.9',
  rejected: 'teal.9',
  expired: 'gray.8',
};

function OriginalLocation({ value }: { value: string }) {
  const href = safeWebUrl(value);
  return href ? (
    <Anchor href={href} target="_blank" rel="noopener noreferrer nofollow" size="sm">
      {value}
    </Anchor>
  ) : (
    value
  );
}

/**
 * One notice against the creator's Nano: who complains about which work, where the original is,
 * the deadline with a countdown, the status with what it means, the creator's response — and
 * the counter-notice form while the notice awaits it.
 */
export function TakedownNoticeCard({ notice }: { notice: OwnTakedown }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  const now = useNow();
  const [sent, setSent] = useState(false);
  const canRespond =
    notice.status === 'awaiting_response' &&
    notice.responseDueAt !== null &&
    !timeLeft(notice.responseDueAt, now).over;
  const receivedAt = notice.confirmedAt ?? notice.createdAt;
  return (
    <Paper
      component="article"
      aria-labelledby={headingId}
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
    >
      <Stack gap="md">
        <Stack gap={6} align="flex-start">
          <Badge color={STATUS_COLORS[notice.status]} variant="filled" tt="none">
            {t(`trust.takedownStatus.${notice.status}`)}
          </Badge>
          <Title order={2} size="h4" id={headingId} style={{ overflowWrap: 'anywhere' }}>
            <Anchor component={Link} to={paths.nanoDetail.getHref(notice.nano.id)} inherit>
              {notice.nano.title}
            </Anchor>
          </Title>
          <Text size="sm">{t(`trust.myTakedowns.explain.${notice.status}`)}</Text>
        </Stack>
        <dl className={classes.facts}>
          <dt>{t('trust.myTakedowns.received')}</dt>
          <dd>
            <time dateTime={receivedAt}>{formatDateTime(receivedAt, locale)}</time>
          </dd>
          <dt>{t('trust.myTakedowns.complainant')}</dt>
          <dd>{notice.complainantName}</dd>
          <dt>{t('trust.myTakedowns.work')}</dt>
          <dd style={{ whiteSpace: 'pre-line' }}>{notice.work}</dd>
          <dt>{t('trust.myTakedowns.location')}</dt>
          <dd>
            <OriginalLocation value={notice.originalLocation} />
          </dd>
          {notice.responseDueAt && (
            <>
              <dt>{t('trust.myTakedowns.deadline')}</dt>
              <dd>
                {notice.status === 'awaiting_response' ? (
                  <Deadline due={notice.responseDueAt} />
                ) : (
                  <time dateTime={notice.responseDueAt}>{formatDateTime(notice.responseDueAt, locale)}</time>
                )}
              </dd>
            </>
          )}
          {notice.response && (
            <>
              <dt>{t('trust.myTakedowns.yourResponse')}</dt>
              <dd>
                <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                  {notice.response.text}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('trust.myTakedowns.respondedAt', { date: formatDateTime(notice.response.at, locale) })}
                </Text>
              </dd>
            </>
          )}
          {notice.decidedAt && (
            <>
              <dt>{t('trust.myTakedowns.decidedAt')}</dt>
              <dd>
                <time dateTime={notice.decidedAt}>{formatDateTime(notice.decidedAt, locale)}</time>
              </dd>
            </>
          )}
        </dl>
        {sent && (
          <SuccessAlert title={t('trust.myTakedowns.sentTitle')}>
            {t('trust.myTakedowns.sentText')}
          </SuccessAlert>
        )}
        {canRespond && !sent && (
          <CounterNoticeForm
            nanoId={notice.nano.id}
            label={t('trust.myTakedowns.formLabel', { title: notice.nano.title })}
            onSent={() => setSent(true)}
          />
        )}
        {(notice.status === 'upheld' || notice.status === 'expired') && (
          <Anchor component={Link} to={paths.myDecisions.getHref()} size="sm">
            {t('trust.myTakedowns.toDecisions')}
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}
