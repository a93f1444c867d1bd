import { Anchor, Stack, Table, Text } from '@mantine/core';
import type { PrivacyRequest } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatDate } from '../../../shared/nanos/format.ts';
import { paths } from '../../../shared/routes.ts';
import { RequestActions } from './request-actions.tsx';
import { DueDate, RequestStatusBadge } from './request-badges.tsx';

/** Who asked: a link to the account's data inventory, or "Gelöschter Nutzer" once it is erased. */
function Requester({ request }: { request: PrivacyRequest }) {
  const { t } = useTranslation();
  if (!request.user) {
    return <Text size="sm">{t('privacyAdmin.erasedUser')}</Text>;
  }
  return (
    <Stack gap={0}>
      <Anchor component={Link} to={paths.adminPrivacyUser.getHref(request.user.id)} fw={600} size="sm">
        {request.user.displayName}
      </Anchor>
      <Text size="xs" c="dimmed">
        {request.user.username ? `@${request.user.username}` : t(`admin.status.${request.user.status}`)}
      </Text>
    </Stack>
  );
}

/** The data-subject requests of one page with due dates, overdue flags and the actions per type. */
export function RequestsTable({
  requests,
  onNotice,
  withUser = true,
}: {
  requests: PrivacyRequest[];
  onNotice: (text: string) => void;
  /** False on one account's inventory page, where every row is that account. */
  withUser?: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Table.ScrollContainer minWidth={1050}>
      <Table verticalSpacing="xs" striped>
        <Table.Caption>{t('privacyAdmin.requests.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('privacyAdmin.requests.columns.type')}</Table.Th>
            {withUser && <Table.Th scope="col">{t('privacyAdmin.requests.columns.user')}</Table.Th>}
            <Table.Th scope="col">{t('privacyAdmin.requests.columns.channel')}</Table.Th>
            <Table.Th scope="col">{t('privacyAdmin.requests.columns.received')}</Table.Th>
            <Table.Th scope="col">{t('privacyAdmin.requests.columns.due')}</Table.Th>
            <Table.Th scope="col">{t('privacyAdmin.requests.columns.status')}</Table.Th>
            <Table.Th scope="col">{t('privacyAdmin.requests.columns.recordedBy')}</Table.Th>
            <Table.Th scope="col">{t('privacyAdmin.requests.columns.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {requests.map((request) => (
            <Table.Tr key={request.id}>
              <Table.Td>
                <Stack gap={2}>
                  <Text size="sm" fw={600}>
                    {t(`privacyAdmin.type.${request.type}`)}
                  </Text>
                  {request.note && (
                    <Text size="xs" c="dimmed" lineClamp={3} title={request.note}>
                      {request.note}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              {withUser && (
                <Table.Td>
                  <Requester request={request} />
                </Table.Td>
              )}
              <Table.Td>
                <Text size="sm">{t(`privacyAdmin.channel.${request.channel}`)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDate(request.receivedAt, locale)}</Text>
              </Table.Td>
              <Table.Td>
                <DueDate request={request} />
              </Table.Td>
              <Table.Td>
                <Stack gap={2} align="flex-start">
                  <RequestStatusBadge status={request.status} />
                  {request.completedAt && (
                    <Text size="xs" c="dimmed">
                      {formatDate(request.completedAt, locale)}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{request.recordedBy?.displayName ?? t('privacyAdmin.selfService')}</Text>
              </Table.Td>
              <Table.Td>
                <RequestActions request={request} onNotice={onNotice} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
