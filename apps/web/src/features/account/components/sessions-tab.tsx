import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Session } from '@nano/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { SectionCard } from '../../../shared/ui/section-card.tsx';
import { SuccessAlert } from '../../../shared/ui/success-alert.tsx';
import { useSessions } from '../api/get-sessions.ts';
import { useLogoutAll } from '../api/logout-all.ts';
import { useRevokeSession } from '../api/revoke-session.ts';
import { describeUserAgent } from './describe-user-agent.ts';

function useDeviceName() {
  const { t } = useTranslation();
  return (session: Session) => {
    const { browser, os } = describeUserAgent(session.userAgent);
    if (browser && os) {
      return t('account.sessions.device', { browser, os });
    }
    return browser ?? os ?? t('account.sessions.unknownDevice');
  };
}

function SessionItem({ session, onRevoked }: { session: Session; onRevoked: (name: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const revoke = useRevokeSession();
  const name = useDeviceName()(session);
  const format = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

  return (
    <Paper component="li" withBorder radius="md" p="md">
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={4} style={{ flex: 1, minWidth: 220 }}>
          <Group gap="xs">
            <Title order={3} size="h5">
              {name}
            </Title>
            {session.current && (
              <Badge color="blue.8" variant="filled">
                {t('account.sessions.thisDevice')}
              </Badge>
            )}
          </Group>
          <Text size="sm">
            {t('account.sessions.lastUsed', { date: format(session.lastUsedAt) })}
            {' · '}
            {t('account.sessions.signedIn', { date: format(session.createdAt) })}
          </Text>
          <Text size="sm">
            {t('account.sessions.ip', { ip: session.ip ?? t('account.sessions.unknownIp') })}
          </Text>
          {session.userAgent && (
            <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
              {session.userAgent}
            </Text>
          )}
          <FormErrorAlert error={revoke.error} />
        </Stack>
        {!session.current && (
          <Button
            variant="default"
            loading={revoke.isPending}
            aria-label={t('account.sessions.revokeLabel', { device: name })}
            onClick={() => revoke.mutate(session.id, { onSuccess: () => onRevoked(name) })}
          >
            {t('account.sessions.revoke')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}

function LogoutEverywhere() {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const logoutAll = useLogoutAll();

  if (!confirming) {
    return (
      <Group>
        <Button color="red" variant="outline" onClick={() => setConfirming(true)}>
          {t('account.sessions.logoutAll')}
        </Button>
      </Group>
    );
  }
  return (
    <Stack gap="sm" align="flex-start">
      <Text>{t('account.sessions.logoutAllWarning')}</Text>
      <FormErrorAlert error={logoutAll.error} />
      <Group gap="sm">
        <Button color="red" loading={logoutAll.isPending} onClick={() => logoutAll.mutate()}>
          {t('account.sessions.logoutAllConfirm')}
        </Button>
        <Button variant="subtle" onClick={() => setConfirming(false)} disabled={logoutAll.isPending}>
          {t('account.backupCodes.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Sitzungen tab: every signed-in device, with "this device" marked; sign out one or all. */
export function SessionsTab() {
  const { t } = useTranslation();
  const sessions = useSessions();
  const [revoked, setRevoked] = useState<string>();

  const renderList = () => {
    if (sessions.isPending) {
      return <PageLoader />;
    }
    if (sessions.isError) {
      return (
        <ErrorAlert
          error={sessions.error}
          message={t('account.sessions.loadError')}
          onRetry={() => void sessions.refetch()}
          retrying={sessions.isFetching}
        />
      );
    }
    const items = sessions.data.items.toSorted(
      (a, b) => Number(b.current) - Number(a.current) || b.lastUsedAt.localeCompare(a.lastUsedAt),
    );
    return (
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((session) => (
          <SessionItem key={session.id} session={session} onRevoked={setRevoked} />
        ))}
      </Stack>
    );
  };

  return (
    <Stack gap="lg">
      <SectionCard title={t('account.sessions.title')} description={t('account.sessions.description')}>
        {revoked && <SuccessAlert title={t('account.sessions.revoked', { device: revoked })} />}
        {renderList()}
      </SectionCard>
      <SectionCard
        title={t('account.sessions.logoutAllTitle')}
        description={t('account.sessions.logoutAllIntro')}
      >
        <LogoutEverywhere />
      </SectionCard>
    </Stack>
  );
}
