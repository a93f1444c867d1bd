import { Anchor, Button, Container, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { AdminUserDetail } from '@nano/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../shared/api/client.ts';
import { useCurrentUser } from '../../../shared/auth/get-current-user.ts';
import { paths } from '../../../shared/routes.ts';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { InfoAlert } from '../../../shared/ui/info-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { SuccessAlert } from '../../../shared/ui/success-alert.tsx';
import { LiftRestrictionDialog } from '../../privacy-admin/components/lift-restriction-dialog.tsx';
import { useAdminUser } from '../api/get-admin-user.ts';
import { EraseUserDialog } from './erase-user-dialog.tsx';
import { ProviderVerificationCard } from './provider-verification-card.tsx';
import { RoleControl } from './role-control.tsx';
import { SuspendDialog, UnsuspendDialog, WarnDialog } from './sanction-dialogs.tsx';
import { TrustedBadge, UserStatusBadge, VerifiedBadge } from './user-badges.tsx';
import { UserCounts, UserFacts } from './user-facts.tsx';
import { DecisionHistory, RecentAudit } from './user-history.tsx';

type Dialog = 'warn' | 'suspend' | 'unsuspend' | 'erase' | 'lift';
type Notice = 'warned' | 'suspended' | 'unsuspended' | 'roleChanged' | 'restrictionLifted';

/** Where the erased account's admin went back to: the table, with a notice. */
export interface ErasedNotice {
  erased: string;
}

function Actions({
  user,
  self,
  onNotice,
}: {
  user: AdminUserDetail;
  self: boolean;
  onNotice: (notice: Notice) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const headingId = useId();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const suspended = user.status === 'suspended';
  const deleted = user.status === 'deleted';
  const restricted = user.status === 'restricted';
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Title order={2} size="h4" id={headingId}>
          {t('admin.user.actionsTitle')}
        </Title>
        {deleted ? (
          <Text size="sm">{t('admin.user.deletedNoActions')}</Text>
        ) : (
          <>
            <RoleControl
              key={user.role}
              userId={user.id}
              name={user.displayName}
              role={user.role}
              self={self}
              onChanged={() => onNotice('roleChanged')}
            />
            <Group gap="sm">
              <Button variant="default" onClick={() => setDialog('warn')}>
                {t('admin.user.warn')}
              </Button>
              {suspended ? (
                <Button variant="default" onClick={() => setDialog('unsuspend')}>
                  {t('admin.user.unsuspend')}
                </Button>
              ) : (
                <Button variant="outline" color="red.9" disabled={self} onClick={() => setDialog('suspend')}>
                  {t('admin.user.suspend')}
                </Button>
              )}
              <Button color="red.9" disabled={self || !user.username} onClick={() => setDialog('erase')}>
                {t('admin.user.erase')}
              </Button>
            </Group>
            {restricted && (
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{t('privacyAdmin.userPage.restricted')}</Text>
                <Button variant="default" onClick={() => setDialog('lift')}>
                  {t('privacyAdmin.userPage.lift')}
                </Button>
              </Stack>
            )}
            {user.status === 'deactivated' && <Text size="sm">{t('privacyAdmin.userPage.deactivated')}</Text>}
            {self && (
              <Text size="sm" c="dimmed">
                {t('admin.user.selfHint')}
              </Text>
            )}
          </>
        )}
      </Stack>
      <WarnDialog
        userId={user.id}
        name={user.displayName}
        opened={dialog === 'warn'}
        onClose={close}
        onDone={() => onNotice('warned')}
      />
      <SuspendDialog
        userId={user.id}
        name={user.displayName}
        opened={dialog === 'suspend'}
        onClose={close}
        onDone={() => onNotice('suspended')}
      />
      <UnsuspendDialog
        userId={user.id}
        name={user.displayName}
        opened={dialog === 'unsuspend'}
        onClose={close}
        onDone={() => onNotice('unsuspended')}
      />
      <LiftRestrictionDialog
        userId={user.id}
        name={user.displayName}
        opened={dialog === 'lift'}
        onClose={close}
        onDone={() => onNotice('restrictionLifted')}
      />
      {user.username && (
        <EraseUserDialog
          userId={user.id}
          username={user.username}
          opened={dialog === 'erase'}
          onClose={close}
          onErased={() => {
            const state: ErasedNotice = { erased: user.username ?? user.displayName };
            void navigate(paths.adminUsers.getHref(), { state });
          }}
        />
      )}
    </Paper>
  );
}

function UserDetail({ user }: { user: AdminUserDetail }) {
  const { t } = useTranslation();
  const { data: me } = useCurrentUser();
  const [notice, setNotice] = useState<Notice | null>(null);
  const self = me?.id === user.id;
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Title order={1}>{user.displayName}</Title>
        <Group gap="xs">
          <Text c="dimmed">{user.username ? `@${user.username}` : t('admin.users.noUsername')}</Text>
          <UserStatusBadge status={user.status} suspendedUntil={user.suspendedUntil} />
          {user.verifiedProvider && <VerifiedBadge />}
          {user.trusted && <TrustedBadge />}
        </Group>
        {user.status !== 'deleted' && user.username && (
          <Anchor component={Link} to={paths.publicProfile.getHref(user.username)} size="sm">
            {t('admin.user.publicProfile')}
          </Anchor>
        )}
        <Anchor component={Link} to={paths.adminPrivacyUser.getHref(user.id)} size="sm">
          {t('privacyAdmin.userPage.inventory')}
        </Anchor>
      </Stack>
      {notice && (
        <SuccessAlert
          title={
            notice === 'restrictionLifted'
              ? t('privacyAdmin.notices.lifted', { name: user.displayName })
              : t(`admin.user.notices.${notice}`, { name: user.displayName })
          }
        />
      )}
      <UserCounts counts={user.counts} />
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <UserFacts user={user} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="md">
            <Actions user={user} self={self} onNotice={setNotice} />
            <ProviderVerificationCard
              userId={user.id}
              verification={user.providerVerification}
              disabled={user.status === 'deleted'}
            />
          </Stack>
        </Grid.Col>
      </Grid>
      <DecisionHistory decisions={user.decisions} />
      <RecentAudit userId={user.id} events={user.recentAudit} />
    </Stack>
  );
}

/** `/admin/nutzer/:id` (admins): one account with its history and the admin actions. */
export function UserPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useAdminUser(id);
  useDocumentTitle(
    t('app.documentTitle', { page: user.data ? user.data.displayName : t('admin.user.title') }),
  );

  const renderContent = () => {
    if (user.isPending) {
      return <PageLoader />;
    }
    if (user.isError) {
      if (user.error instanceof ApiError && user.error.status === 404) {
        return (
          <InfoAlert title={t('admin.user.notFound')}>
            <Anchor component={Link} to={paths.adminUsers.getHref()}>
              {t('admin.user.backToList')}
            </Anchor>
          </InfoAlert>
        );
      }
      return (
        <ErrorAlert
          error={user.error}
          message={t('admin.user.loadError')}
          onRetry={() => void user.refetch()}
          retrying={user.isFetching}
        />
      );
    }
    return <UserDetail user={user.data} />;
  };

  return (
    <Container size="lg" py="xl">
      <Stack gap="md">
        <Anchor component={Link} to={paths.adminUsers.getHref()} size="sm">
          {t('admin.user.backToList')}
        </Anchor>
        {renderContent()}
      </Stack>
    </Container>
  );
}
