import { Container, Stack, Tabs, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { ACCOUNT_TABS, type AccountTab, paths } from '../../../shared/routes.ts';
import { MyDataTab } from '../../privacy/components/my-data-tab.tsx';
import { NotificationSettingsTab } from './notification-settings-tab.tsx';
import { ProfileTab } from './profile-tab.tsx';
import { SecurityTab } from './security-tab.tsx';
import { SessionsTab } from './sessions-tab.tsx';

const TAB_LABELS = {
  profil: 'account.tabs.profile',
  sicherheit: 'account.tabs.security',
  sitzungen: 'account.tabs.sessions',
  benachrichtigungen: 'account.tabs.notifications',
  'meine-daten': 'account.tabs.myData',
} as const satisfies Record<AccountTab, string>;

function isAccountTab(value: string | undefined): value is AccountTab {
  return (ACCOUNT_TABS as readonly string[]).includes(value ?? '');
}

/** `/konto`, `/konto/sicherheit`, `/konto/sitzungen`: account settings, one tab per address. */
export function AccountPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tab = 'profil' } = useParams();
  const active = isAccountTab(tab) ? tab : undefined;
  useDocumentTitle(
    t('app.documentTitle', {
      page: active ? `${t(TAB_LABELS[active])} – ${t('account.title')}` : t('account.title'),
    }),
  );

  if (!active) {
    return <Navigate to={paths.account.getHref()} replace />;
  }

  return (
    <Container size="md" py="xl">
      <Stack gap="lg">
        <Title order={1}>{t('account.title')}</Title>
        <Tabs
          value={active}
          onChange={(value) => {
            if (isAccountTab(value ?? undefined)) {
              void navigate(paths.account.getHref(value as AccountTab));
            }
          }}
          keepMounted={false}
        >
          <Tabs.List aria-label={t('account.tabs.label')} mb="lg">
            {ACCOUNT_TABS.map((value) => (
              <Tabs.Tab key={value} value={value}>
                {t(TAB_LABELS[value])}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="profil">
            <ProfileTab />
          </Tabs.Panel>
          <Tabs.Panel value="sicherheit">
            <SecurityTab />
          </Tabs.Panel>
          <Tabs.Panel value="sitzungen">
            <SessionsTab />
          </Tabs.Panel>
          <Tabs.Panel value="benachrichtigungen">
            <NotificationSettingsTab />
          </Tabs.Panel>
          <Tabs.Panel value="meine-daten">
            <MyDataTab />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Container>
  );
}
