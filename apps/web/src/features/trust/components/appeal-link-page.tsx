import { Anchor, Badge, Button, Container, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { appealLinkRequestSchema, MODERATION_LIMITS, type ModerationDecision } from '@nano/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../../shared/api/client.ts';
import { applyServerErrors } from '../../../shared/forms/apply-server-errors.ts';
import { useZodForm } from '../../../shared/forms/use-zod-form.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatDateTime } from '../../../shared/nanos/format.ts';
import { paths } from '../../../shared/routes.ts';
import { FormErrorAlert, ProblemAlert } from '../../../shared/ui/form-error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { SuccessAlert } from '../../../shared/ui/success-alert.tsx';
import { useFocusOnMount } from '../../../shared/ui/use-focus-on-mount.ts';
import { useAppealByLink, useAppealLinkDecision } from '../api/appeal-link.ts';
import { Deadline, useNow } from './deadline.tsx';
import { RuleList } from './decision-card.tsx';
import classes from './trust.module.css';

function InvalidLink() {
  const { t } = useTranslation();
  return (
    <ProblemAlert title={t('trust.appealLink.invalidTitle')}>
      <Text size="sm">{t('trust.appealLink.invalidText')}</Text>
    </ProblemAlert>
  );
}

/** The statement of reasons as the email gave it: action, rules, facts, automated means, deadline. */
function DecisionFacts({ decision }: { decision: ModerationDecision }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  const target = t(`trust.targets.${decision.targetType}`, { label: decision.targetLabel });
  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Title order={2} size="h4" id={headingId} style={{ overflowWrap: 'anywhere' }}>
            {target}
          </Title>
          <Badge color="red.9" variant="filled" tt="none">
            {t(`trust.actions.${decision.action}`)}
          </Badge>
        </Group>
        <dl className={classes.facts}>
          <dt>{t('trust.appealLink.action')}</dt>
          <dd>{t(`trust.actions.${decision.action}`)}</dd>
          <dt>{t('trust.decision.decidedAt')}</dt>
          <dd>
            <time dateTime={decision.decidedAt}>{formatDateTime(decision.decidedAt, locale)}</time>
          </dd>
          <dt>{t('trust.decision.rules')}</dt>
          <dd>
            <RuleList decision={decision} />
          </dd>
          <dt>{t('trust.decision.statement')}</dt>
          <dd style={{ whiteSpace: 'pre-line' }}>{decision.statement || t('trust.decision.noStatement')}</dd>
          <dt>{t('trust.decision.automated')}</dt>
          <dd>{decision.automated ? t('trust.decision.automatedYes') : t('trust.decision.automatedNo')}</dd>
          {decision.appealableUntil && (
            <>
              <dt>{t('trust.appealLink.deadline')}</dt>
              <dd>
                <Deadline due={decision.appealableUntil} />
              </dd>
            </>
          )}
        </dl>
      </Stack>
    </Paper>
  );
}

function Sent() {
  const { t } = useTranslation();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  return (
    <Stack gap="md" align="flex-start">
      <Title order={2} size="h3" ref={headingRef} tabIndex={-1}>
        {t('trust.appeal.sentTitle')}
      </Title>
      <SuccessAlert title={t('trust.appealLink.sentTitle')}>{t('trust.appealLink.sentText')}</SuccessAlert>
    </Stack>
  );
}

/** The appeal: the user's reasons, 10 to 5,000 characters, sent once through the link. */
function AppealByLinkForm({ token, onSent }: { token: string; onSent: () => void }) {
  const { t } = useTranslation();
  const appeal = useAppealByLink(token);
  const form = useZodForm(appealLinkRequestSchema, { defaultValues: { text: '' } });
  const { errors } = form.formState;
  const length = form.watch('text').trim().length;
  const headingId = useId();
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <form
        noValidate
        aria-labelledby={headingId}
        onSubmit={form.handleSubmit((body) =>
          appeal.mutate(body, {
            onSuccess: onSent,
            onError: (error) => applyServerErrors(form, error, ['text']),
          }),
        )}
      >
        <Stack gap="sm">
          <Title order={2} size="h4" id={headingId}>
            {t('trust.appealLink.formTitle')}
          </Title>
          <Text size="sm">{t('trust.appeal.formIntro')}</Text>
          <FormErrorAlert error={appeal.error} />
          <Textarea
            label={t('trust.appeal.text')}
            description={t('trust.counter', { count: length, max: MODERATION_LIMITS.appealTextMax })}
            required
            autosize
            minRows={5}
            maxRows={14}
            error={errors.text?.message}
            {...form.register('text')}
          />
          <Group>
            <Button type="submit" loading={appeal.isPending}>
              {t('trust.appeal.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** What the user can still do about the decision: appeal, or why not. */
function AppealPart({ token, decision }: { token: string; decision: ModerationDecision }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const now = useNow();
  const [sent, setSent] = useState(false);
  if (sent) {
    return <Sent />;
  }
  if (decision.appeal) {
    return (
      <Text>
        {t(`trust.appeal.status.${decision.appeal.status}`, {
          date: formatDateTime(decision.appeal.createdAt, locale),
        })}
      </Text>
    );
  }
  if (!decision.appealableUntil) {
    return <Text>{t('trust.appeal.notAppealable')}</Text>;
  }
  if (new Date(decision.appealableUntil).getTime() <= now) {
    return (
      <Text>{t('trust.appeal.periodOver', { date: formatDateTime(decision.appealableUntil, locale) })}</Text>
    );
  }
  return <AppealByLinkForm token={token} onSent={() => setSent(true)} />;
}

function Content({ token }: { token: string }) {
  const decision = useAppealLinkDecision(token);
  if (decision.isPending) {
    return <PageLoader />;
  }
  if (decision.isError) {
    const rejected = decision.error instanceof ApiError && decision.error.status === 400;
    return rejected ? <InvalidLink /> : <FormErrorAlert error={decision.error} />;
  }
  return (
    <Stack gap="lg">
      <DecisionFacts decision={decision.data} />
      <AppealPart token={token} decision={decision.data} />
    </Stack>
  );
}

/**
 * `/einspruch?token=…`: where the link in the statement of reasons of an account suspension lands
 * (EU DSA Art. 20). A suspended user cannot sign in, so the signed link shows the decision and
 * takes the appeal without an account session.
 */
export function AppealLinkPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.documentTitle', { page: t('trust.appealLink.title') }));
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token');
  return (
    <Container size={720} py="xl">
      <Stack gap="lg">
        <Title order={1} size="h2">
          {t('trust.appealLink.title')}
        </Title>
        <Text>{t('trust.appealLink.intro')}</Text>
        {token ? <Content token={token} /> : <InvalidLink />}
        <Anchor component={Link} to={paths.home.getHref()} size="sm">
          {t('notFound.home')}
        </Anchor>
      </Stack>
    </Container>
  );
}
