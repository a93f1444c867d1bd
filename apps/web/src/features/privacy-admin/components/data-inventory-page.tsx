import { Anchor, Badge, Button, Container, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { DataInventory } from '@nano/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../shared/api/client.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatCount } from '../../../shared/nanos/format.ts';
import { paths } from '../../../shared/routes.ts';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { InfoAlert } from '../../../shared/ui/info-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { SuccessAlert } from '../../../shared/ui/success-alert.tsx';
import { type AdminUserDetail, useDataInventory, useInventoryOwner } from '../api/get-data-inventory.ts';
import { LiftRestrictionDialog } from './lift-restriction-dialog.tsx';
import { RecordRequestDialog } from './record-request-dialog.tsx';
import { RequestsSection } from './requests-section.tsx';

type OnErasure = DataInventory['items'][number]['onErasure'];

/** Dark shades for white text; the word says what happens, the colour only repeats it. */
const ERASURE_COLORS: Record<OnErasure, string> = {
  deleted: 'red.9',
  anonymised: 'grape.9',
  deidentified: 'indigo.9',
  retained: 'gray.8',
};

/** Counts per data category and what erasure does with each, with the four outcomes explained below. */
function InventoryTable({ inventory }: { inventory: DataInventory }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const outcomes = [...new Set(inventory.items.map((item) => item.onErasure))];
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs" striped>
          <Table.Caption>{t('privacyAdmin.inventory.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('privacyAdmin.inventory.columns.category')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('privacyAdmin.inventory.columns.count')}
              </Table.Th>
              <Table.Th scope="col">{t('privacyAdmin.inventory.columns.onErasure')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {inventory.items.map((item) => (
              <Table.Tr key={item.category}>
                <Table.Th scope="row" fw="normal">
                  {t(`privacyAdmin.category.${item.category}`)}
                </Table.Th>
                <Table.Td ta="right">{formatCount(item.count, locale)}</Table.Td>
                <Table.Td>
                  <Badge color={ERASURE_COLORS[item.onErasure]} variant="filled" size="sm" tt="none">
                    {t(`privacyAdmin.onErasure.${item.onErasure}.label`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack gap={4} component="dl" m={0}>
        {outcomes.map((outcome) => (
          <Group key={outcome} gap="xs" wrap="nowrap" align="baseline">
            <Text component="dt" size="sm" fw={600} miw={150}>
              {t(`privacyAdmin.onErasure.${outcome}.label`)}
            </Text>
            <Text component="dd" size="sm" m={0}>
              {t(`privacyAdmin.onErasure.${outcome}.explanation`)}
            </Text>
          </Group>
        ))}
      </Stack>
    </Stack>
  );
}

/** The account, its inventory, its requests and the actions for it. */
function Inventory({ owner, inventory }: { owner: AdminUserDetail; inventory: DataInventory }) {
  const { t } = useTranslation();
  const inventoryHeading = useId();
  const requestsHeading = useId();
  const [dialog, setDialog] = useState<'record' | 'lift' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const erased = owner.status === 'deleted';
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Title order={1}>{t('privacyAdmin.inventory.title', { name: owner.displayName })}</Title>
        <Group gap="xs">
          <Text c="dimmed">{owner.username ? `@${owner.username}` : t('admin.users.noUsername')}</Text>
          <Text size="sm">
            {t('privacyAdmin.inventory.status', { status: t(`admin.status.${owner.status}`) })}
          </Text>
        </Group>
        <Anchor component={Link} to={paths.adminUser.getHref(owner.id)} size="sm">
          {t('privacyAdmin.inventory.userLink')}
        </Anchor>
      </Stack>
      {notice && <SuccessAlert title={notice} />}
      {owner.status === 'restricted' && (
        <InfoAlert title={t('privacyAdmin.inventory.restricted')}>
          <Button variant="default" onClick={() => setDialog('lift')}>
            {t('privacyAdmin.lift.open')}
          </Button>
        </InfoAlert>
      )}
      {owner.status === 'deactivated' && <InfoAlert title={t('privacyAdmin.inventory.deactivated')} />}
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby={inventoryHeading}>
        <Stack gap="md">
          <Title order={2} size="h3" id={inventoryHeading}>
            {t('privacyAdmin.inventory.dataTitle')}
          </Title>
          <InventoryTable inventory={inventory} />
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby={requestsHeading}>
        <Stack gap="md">
          <Group justify="space-between" align="flex-start">
            <Title order={2} size="h3" id={requestsHeading}>
              {t('privacyAdmin.inventory.requestsTitle')}
            </Title>
            {!erased && <Button onClick={() => setDialog('record')}>{t('privacyAdmin.record.open')}</Button>}
          </Group>
          <RequestsSection
            filters={{ status: null, type: null, overdue: false, userId: owner.id, page }}
            onPage={setPage}
            onNotice={setNotice}
            withUser={false}
          />
        </Stack>
      </Paper>
      {dialog === 'record' && (
        <RecordRequestDialog
          opened
          subject={{ id: owner.id, displayName: owner.displayName }}
          onClose={() => setDialog(null)}
          onRecorded={(type) =>
            setNotice(t('privacyAdmin.notices.recorded', { type: t(`privacyAdmin.type.${type}`) }))
          }
        />
      )}
      <LiftRestrictionDialog
        userId={owner.id}
        name={owner.displayName}
        opened={dialog === 'lift'}
        onClose={() => setDialog(null)}
        onDone={() => setNotice(t('privacyAdmin.notices.lifted', { name: owner.displayName }))}
      />
    </Stack>
  );
}

/** `/admin/datenschutz/nutzer/:id` (admins): one account's data inventory, requests and privacy actions. */
export function DataInventoryPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const owner = useInventoryOwner(id);
  const inventory = useDataInventory(id);
  useDocumentTitle(
    t('app.documentTitle', {
      page: owner.data
        ? t('privacyAdmin.inventory.title', { name: owner.data.displayName })
        : t('privacyAdmin.inventory.documentTitle'),
    }),
  );

  const renderContent = () => {
    if (owner.isPending || inventory.isPending) {
      return <PageLoader />;
    }
    const failed = owner.error ?? inventory.error;
    if (failed) {
      if (failed instanceof ApiError && failed.status === 404) {
        return <InfoAlert title={t('privacyAdmin.inventory.notFound')} />;
      }
      return (
        <ErrorAlert
          error={failed}
          message={t('privacyAdmin.inventory.loadError')}
          onRetry={() => {
            void owner.refetch();
            void inventory.refetch();
          }}
          retrying={owner.isFetching || inventory.isFetching}
        />
      );
    }
    if (!owner.data || !inventory.data) {
      return <PageLoader />;
    }
    return <Inventory owner={owner.data} inventory={inventory.data} />;
  };

  return (
    <Container size="lg" py="xl">
      <Stack gap="md">
        <Anchor component={Link} to={paths.adminPrivacy.getHref()} size="sm">
          {t('privacyAdmin.inventory.back')}
        </Anchor>
        {renderContent()}
      </Stack>
    </Container>
  );
}
