import { Anchor, Container, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { PRIVACY_LIMITS } from '@nano/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { clearSession } from '../../../shared/auth/get-current-user.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatDateTime } from '../../../shared/nanos/format.ts';
import { paths } from '../../../shared/routes.ts';
import { InfoAlert } from '../../../shared/ui/info-alert.tsx';
import { type AccountClosedState, accountClosedOf } from './account-closed.ts';

/** After closing the account on "Meine Daten": what happens now (the user is signed out). */
function ClosedNotice({ closed }: { closed: AccountClosedState }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  // The server has ended every session; the app forgets the user (and the private data) now.
  useEffect(() => {
    clearSession(queryClient, 'self');
  }, [queryClient]);
  if (closed.accountClosed === 'restriction') {
    return (
      <InfoAlert title={t('privacy.closed.restrictionTitle')} role="status">
        <Text size="sm">{t('privacy.closed.restrictionText')}</Text>
      </InfoAlert>
    );
  }
  return (
    <InfoAlert title={t('privacy.closed.erasureTitle')} role="status">
      <Stack gap="xs">
        <Text size="sm">
          {t('privacy.closed.erasureText', { date: formatDateTime(closed.scheduledFor, locale) })}
        </Text>
        <Text size="sm">{t('privacy.closed.erasureCancel', { days: PRIVACY_LIMITS.erasureCancelDays })}</Text>
      </Stack>
    </InfoAlert>
  );
}

/**
 * `/konto-geschlossen`: where "Meine Daten" leads after an erasure or restriction request. The user
 * is signed out; the notice (from the router state) says what happens now. Opened directly, it only
 * says that the user was signed out.
 */
export function AccountClosedPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.documentTitle', { page: t('privacy.closed.title') }));
  const closed = accountClosedOf(useLocation().state);
  return (
    <Container size="sm" py="xl">
      <Stack gap="lg">
        <Title order={1}>{t('privacy.closed.title')}</Title>
        {closed && <ClosedNotice closed={closed} />}
        <Text size="sm">
          <Anchor component={Link} to={paths.login.getHref()}>
            {t('privacy.cancel.login')}
          </Anchor>
        </Text>
      </Stack>
    </Container>
  );
}
