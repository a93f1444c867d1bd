import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { AdminUserDetail } from '@nano/contracts';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatCount, formatDate, formatDateTime } from '../../../shared/nanos/format.ts';
import { UserStatusBadge } from './user-badges.tsx';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={500} w="40%">
        {label}
      </Table.Th>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>{children}</Table.Td>
    </Table.Tr>
  );
}

/** The account's facts: contact, security, activity. */
export function UserFacts({ user }: { user: AdminUserDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  const yesNo = (value: boolean) => (value ? t('admin.yes') : t('admin.no'));
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {t('admin.user.factsTitle')}
        </Title>
        <Table verticalSpacing={6}>
          <Table.Tbody>
            <Fact label={t('admin.user.username')}>{user.username ? `@${user.username}` : '–'}</Fact>
            <Fact label={t('admin.user.email')}>
              {user.email
                ? `${user.email} (${user.emailVerified ? t('admin.user.emailVerified') : t('admin.user.emailUnverified')})`
                : '–'}
            </Fact>
            <Fact label={t('admin.user.company')}>{user.company ?? '–'}</Fact>
            <Fact label={t('admin.user.role')}>{t(`roles.${user.role}`)}</Fact>
            <Fact label={t('admin.user.status')}>
              <UserStatusBadge status={user.status} suspendedUntil={user.suspendedUntil} />
            </Fact>
            <Fact label={t('admin.user.twoFactor')}>{yesNo(user.twoFactorEnabled)}</Fact>
            <Fact label={t('admin.user.lastLogin')}>
              {user.lastLoginAt ? formatDateTime(user.lastLoginAt, locale) : t('admin.users.never')}
            </Fact>
            <Fact label={t('admin.user.registered')}>{formatDate(user.createdAt, locale)}</Fact>
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}

const COUNTS = ['nanos', 'publishedNanos', 'ratings', 'flagsAgainst', 'warnings'] as const;

/** How much the user has done and drawn: Nanos, ratings, flags against them, warnings. */
export function UserCounts({ counts }: { counts: AdminUserDetail['counts'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId}>
        {t('admin.user.countsTitle')}
      </Title>
      <SimpleGrid component="dl" cols={{ base: 2, sm: 5 }} spacing="sm" m={0}>
        {COUNTS.map((name) => (
          <Paper key={name} withBorder radius="md" p="sm">
            <Text component="dt" size="sm" c="dimmed">
              {t(`admin.user.counts.${name}`)}
            </Text>
            <Text component="dd" fz={24} fw={700} m={0}>
              {formatCount(counts[name], locale)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
