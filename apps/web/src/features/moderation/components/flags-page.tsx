import { Group, Select, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { FLAG_TARGET_TYPES, type FlagTargetType } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { type FlagStatus, useFlagQueue } from '../api/get-flags.ts';
import { FlagTable } from './flag-table.tsx';
import { ListPagination, pageFrom } from './list-pagination.tsx';

/** `?status=erledigt` lists resolved flags; `?art=` filters by the kind of content. */
const RESOLVED = 'erledigt';
const ALL = 'alle';

function targetTypeFrom(value: string | null): FlagTargetType | null {
  return (FLAG_TARGET_TYPES as readonly (string | null)[]).includes(value) ? (value as FlagTargetType) : null;
}

/**
 * `/moderation/meldungen`: flagged Nanos, ratings, messages and users, one row per target with
 * all its flags, oldest first, with age and SLA colour; filtered by status and kind; paged.
 */
export function FlagsPage() {
  const { t } = useTranslation();
  useDocumentTitle(
    t('app.documentTitle', { page: `${t('moderation.flags.title')} – ${t('moderation.title')}` }),
  );
  const [searchParams, setSearchParams] = useSearchParams();
  const status: FlagStatus = searchParams.get('status') === RESOLVED ? 'resolved' : 'open';
  const targetType = targetTypeFrom(searchParams.get('art'));
  const page = pageFrom(searchParams.get('seite'));
  const flags = useFlagQueue({ status, targetType, page });

  const update = (next: { status?: FlagStatus; targetType?: FlagTargetType | null; page?: number }) => {
    const query = new URLSearchParams();
    if ((next.status ?? status) === 'resolved') {
      query.set('status', RESOLVED);
    }
    const type = next.targetType === undefined ? targetType : next.targetType;
    if (type) {
      query.set('art', type);
    }
    if ((next.page ?? 1) > 1) {
      query.set('seite', String(next.page));
    }
    setSearchParams(query);
  };

  const renderContent = () => {
    if (flags.isPending) {
      return <PageLoader />;
    }
    if (flags.isError) {
      return (
        <ErrorAlert
          error={flags.error}
          message={t('moderation.flags.loadError')}
          onRetry={() => void flags.refetch()}
          retrying={flags.isFetching}
        />
      );
    }
    if (flags.data.total === 0) {
      return <Text>{t(`moderation.flags.empty.${status}`)}</Text>;
    }
    return (
      <Stack gap="md">
        <Text>{t('moderation.flags.count', { count: flags.data.total })}</Text>
        <FlagTable items={flags.data.items} status={status} />
        <ListPagination total={flags.data.total} page={page} onChange={(next) => update({ page: next })} />
      </Stack>
    );
  };

  return (
    <Stack gap="md">
      <Stack gap={4} maw={720}>
        <Title order={2}>{t('moderation.flags.title')}</Title>
        <Text c="dimmed">{t('moderation.flags.intro')}</Text>
      </Stack>
      <Group gap="md" align="flex-end">
        <Select
          label={t('moderation.statusFilter')}
          data={(['open', 'resolved'] as const).map((value) => ({
            value,
            label: t(`moderation.flags.status.${value}`),
          }))}
          value={status}
          onChange={(value) => update({ status: value === 'resolved' ? 'resolved' : 'open' })}
          allowDeselect={false}
          w={180}
        />
        <Select
          label={t('moderation.flags.targetTypeFilter')}
          data={[
            { value: ALL, label: t('moderation.flags.allTypes') },
            ...FLAG_TARGET_TYPES.map((value) => ({
              value,
              label: t(`moderation.flags.targetType.${value}`),
            })),
          ]}
          value={targetType ?? ALL}
          onChange={(value) => update({ targetType: targetTypeFrom(value) })}
          allowDeselect={false}
          w={200}
        />
      </Group>
      {renderContent()}
    </Stack>
  );
}
