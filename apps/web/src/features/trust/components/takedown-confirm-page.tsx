import { Anchor, Button, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { TakedownConfirmResponse } from '@nano/contracts';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../../shared/api/client.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatDateTime } from '../../../shared/nanos/format.ts';
import { paths } from '../../../shared/routes.ts';
import { FormErrorAlert, ProblemAlert } from '../../../shared/ui/form-error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { SuccessAlert } from '../../../shared/ui/success-alert.tsx';
import { useFocusOnMount } from '../../../shared/ui/use-focus-on-mount.ts';
import { useConfirmTakedownNotice } from '../api/confirm-takedown-notice.ts';

function Confirmed({ result }: { result: TakedownConfirmResponse }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const open = result.status === 'awaiting_response' || result.status === 'responded';
  return (
    <Stack gap="md" align="flex-start">
      <Title order={2} size="h3" ref={headingRef} tabIndex={-1}>
        {open ? t('trust.confirm.doneTitle') : t('trust.confirm.decidedTitle')}
      </Title>
      {open ? (
        <SuccessAlert title={t('trust.confirm.hidden', { title: result.nanoTitle })}>
          {result.responseDueAt
            ? t('trust.confirm.nextSteps', { date: formatDateTime(result.responseDueAt, locale) })
            : t('trust.confirm.nextStepsNoDate')}
        </SuccessAlert>
      ) : (
        <Text>
          {t('trust.confirm.decidedText', {
            title: result.nanoTitle,
            status: t(`trust.takedownStatus.${result.status}`),
          })}
        </Text>
      )}
      <Text size="sm">{t('trust.confirm.byEmail')}</Text>
    </Stack>
  );
}

function LinkNotUsable({ error }: { error: Error | null }) {
  const { t } = useTranslation();
  const tokenRejected =
    error instanceof ApiError && (error.code === 'takedown_token_invalid' || error.status === 400);
  return (
    <Stack gap="md" align="flex-start">
      {error && !tokenRejected ? (
        <FormErrorAlert error={error} />
      ) : (
        <ProblemAlert title={t('trust.confirm.invalidTitle')}>
          <Text size="sm">{t('trust.confirm.invalidText')}</Text>
        </ProblemAlert>
      )}
      <Button component={Link} to={paths.takedownNotice.getHref()} variant="default">
        {t('trust.confirm.again')}
      </Button>
    </Stack>
  );
}

/**
 * `/rechtsverletzung-melden/bestaetigen?token=…`: where the link in the confirmation email lands;
 * confirms the notice as soon as the page opens (the Nano is hidden while it is examined).
 */
export function TakedownConfirmPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.documentTitle', { page: t('trust.confirm.title') }));
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token');
  const confirm = useConfirmTakedownNotice();
  const { mutate } = confirm;
  // Send each token once, even when Strict Mode runs effects twice.
  const sentToken = useRef<string | null>(null);

  useEffect(() => {
    if (token && sentToken.current !== token) {
      sentToken.current = token;
      mutate(token);
    }
  }, [token, mutate]);

  const renderContent = () => {
    if (!token || confirm.isError) {
      return <LinkNotUsable error={confirm.error} />;
    }
    if (confirm.isSuccess) {
      return <Confirmed result={confirm.data} />;
    }
    return (
      <Stack gap="xs" align="center">
        <PageLoader />
        <Text>{t('trust.confirm.pending')}</Text>
      </Stack>
    );
  };

  return (
    <Container size={560} py="xl">
      <Stack gap="lg">
        <Title order={1} size="h2">
          {t('trust.confirm.title')}
        </Title>
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
          {renderContent()}
        </Paper>
        <Anchor component={Link} to={paths.home.getHref()} size="sm">
          {t('notFound.home')}
        </Anchor>
      </Stack>
    </Container>
  );
}
