import { Select, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { SuccessAlert } from '../../../shared/ui/success-alert.tsx';
import { type TakedownFilter, useTakedowns } from '../api/get-takedowns.ts';
import { ListPagination, pageFrom } from './list-pagination.tsx';
import { TakedownItem } from './takedown-item.tsx';

/** `?status=entschieden` lists decided notices. */
const DECIDED = 'entschieden';

/**
 * `/moderation/takedowns`: confirmed copyright notices, open (awaiting or with a response) or
 * decided; each with its facts, the deadline and the creator's response, decided in place.
 */
export function TakedownsPage() {
  const { t } = useTranslation();
  useDocumentTitle(
    t('app.documentTitle', { page: `${t('moderation.takedowns.title')} – ${t('moderation.title')}` }),
  );
  const [searchParams, setSearchParams] = useSearchParams();
  const status: TakedownFilter = searchParams.get('status') === DECIDED ? 'decided' : 'open';
  const page = pageFrom(searchParams.get('seite'));
  const takedowns = useTakedowns(status, page);
  const [done, setDone] = useState<string | null>(null);

  const update = (next: { status?: TakedownFilter; page?: number }) => {
    const query = new URLSearchParams();
    if ((next.status ?? status) === 'decided') {
      query.set('status', DECIDED);
    }
    if ((next.page ?? 1) > 1) {
      query.set('seite', String(next.page));
    }
    setDone(null);
    setSearchParams(query);
  };

  const renderContent = () => {
    if (takedowns.isPending) {
      return <PageLoader />;
    }
    if (takedowns.isError) {
      return (
        <ErrorAlert
          error={takedowns.error}
          message={t('moderation.takedowns.loadError')}
          onRetry={() => void takedowns.refetch()}
          retrying={takedowns.isFetching}
        />
      );
    }
    if (takedowns.data.total === 0) {
      return <Text>{t(`moderation.takedowns.empty.${status}`)}</Text>;
    }
    return (
      <Stack gap="md">
        <Text>{t('moderation.takedowns.count', { count: takedowns.data.total })}</Text>
        <Stack component="ul" gap="md" m={0} p={0} style={{ listStyle: 'none' }}>
          {takedowns.data.items.map((takedown) => (
            <TakedownItem
              key={takedown.id}
              takedown={takedown}
              onDecided={(decided, outcome) =>
                setDone(t(`moderation.takedowns.done.${outcome}`, { title: decided.nano.title }))
              }
            />
          ))}
        </Stack>
        <ListPagination
          total={takedowns.data.total}
          page={page}
          onChange={(next) => update({ page: next })}
        />
      </Stack>
    );
  };

  return (
    <Stack gap="md">
      <Stack gap={4} maw={760}>
        <Title order={2}>{t('moderation.takedowns.title')}</Title>
        <Text c="dimmed">{t('moderation.takedowns.intro')}</Text>
      </Stack>
      <Select
        label={t('moderation.statusFilter')}
        data={(['open', 'decided'] as const).map((value) => ({
          value,
          label: t(`moderation.takedowns.filter.${value}`),
        }))}
        value={status}
        onChange={(value) => update({ status: value === 'decided' ? 'decided' : 'open' })}
        allowDeselect={false}
        w={200}
      />
      {done && <SuccessAlert title={done} />}
      {renderContent()}
    </Stack>
  );
}
