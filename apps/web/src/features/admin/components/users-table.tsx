import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatDate, formatDateTime } from '../../../shared/nanos/format.ts';
import { paths } from '../../../shared/routes.ts';
import type { AdminUser } from '../api/get-admin-users.ts';
import { UserStatusBadge, VerifiedBadge } from './user-badges.tsx';

function YesNo({ value }: { value: boolean }) {
  const { t } = useTranslation();
  return <Text size="sm">{value ? t('admin.yes') : t('admin.no')}</Text>;
}

/** The users of one page: who they are, role and status, security and activity. */
export function UsersTable({ users }: { users: AdminUser[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table verticalSpacing="xs" striped highlightOnHover>
        <Table.Caption>{t('admin.users.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('admin.users.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('admin.users.columns.email')}</Table.Th>
            <Table.Th scope="col">{t('admin.users.columns.role')}</Table.Th>
            <Table.Th scope="col">{t('admin.users.columns.status')}</Table.Th>
            <Table.Th scope="col">{t('admin.users.columns.twoFactor')}</Table.Th>
            <Table.Th scope="col">{t('admin.users.columns.verified')}</Table.Th>
            <Table.Th scope="col">{t('admin.users.columns.lastLogin')}</Table.Th>
            <Table.Th scope="col">{t('admin.users.columns.registered')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>
                <Stack gap={0}>
                  <Anchor component={Link} to={paths.adminUser.getHref(user.id)} fw={600} size="sm">
                    {user.displayName}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {user.username ? `@${user.username}` : t('admin.users.noUsername')}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {user.email ?? '–'}
                  </Text>
                  {user.email && !user.emailVerified && (
                    <Text size="xs" c="dimmed">
                      {t('admin.users.emailUnverified')}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`roles.${user.role}`)}</Text>
              </Table.Td>
              <Table.Td>
                <UserStatusBadge status={user.status} suspendedUntil={user.suspendedUntil} />
              </Table.Td>
              <Table.Td>
                <YesNo value={user.twoFactorEnabled} />
              </Table.Td>
              <Table.Td>{user.verifiedProvider ? <VerifiedBadge /> : <Text size="sm">–</Text>}</Table.Td>
              <Table.Td>
                <Text size="sm">
                  {user.lastLoginAt ? formatDateTime(user.lastLoginAt, locale) : t('admin.users.never')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDate(user.createdAt, locale)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
