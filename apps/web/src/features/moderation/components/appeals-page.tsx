import { Select, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { SuccessAlert } from '../../../shared/ui/success-alert.tsx';
import { type AppealFilter, useAppeals } from '../api/get-appeals.ts';
import { AppealItem } from './appeal-item.tsx';
import { ListPagination, pageFrom } from './list-pagination.tsx';

/** `?status=entschieden` lists decided appeals. */
const DECIDED = 'entschieden';

/**
 * `/moderation/einsprueche`: appeals against decisions, open or decided, each with the original
 * decision and the appellant's text; decided in place by someone other than the original moderator.
 */
export function AppealsPage() {
  const { t } = useTranslation();
  useDocumentTitle(
    t('app.documentTitle', { page: `${t('moderation.appeals.title')} – ${t('moderation.title')}` }),
  );
  const [searchParams, setSearchParams] = useSearchParams();
  const status: AppealFilter = searchParams.get('status') === DECIDED ? 'decided' : 'open';
  const page = pageFrom(searchParams.get('seite'));
  const appeals = useAppeals(status, page);
  const [done, setDone] = useState<string | null>(null);

  const update = (next: { status?: AppealFilter; page?: number }) => {
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
    if (appeals.isPending) {
      return <PageLoader />;
    }
    if (appeals.isError) {
      return (
        <ErrorAlert
          error={appeals.error}
          message={t('moderation.appeals.loadError')}
          onRetry={() => void appeals.refetch()}
          retrying={appeals.isFetching}
        />
      );
    }
    if (appeals.data.total === 0) {
      return <Text>{t(`moderation.appeals.empty.${status}`)}</Text>;
    }
    return (
      <Stack gap="md">
        <Text>{t('moderation.appeals.count', { count: appeals.data.total })}</Text>
        <Stack component="ul" gap="md" m={0} p={0} style={{ listStyle: 'none' }}>
          {appeals.data.items.map((appeal) => (
            <AppealItem
              key={appeal.id}
              appeal={appeal}
              onDecided={(decided, outcome) =>
                setDone(t(`moderation.appeals.done.${outcome}`, { label: decided.decision.targetLabel }))
              }
            />
          ))}
        </Stack>
        <ListPagination total={appeals.data.total} page={page} onChange={(next) => update({ page: next })} />
      </Stack>
    );
  };

  return (
    <Stack gap="md">
      <Stack gap={4} maw={760}>
        <Title order={2}>{t('moderation.appeals.title')}</Title>
        <Text c="dimmed">{t('moderation.appeals.intro')}</Text>
      </Stack>
      <Select
        label={t('moderation.statusFilter')}
        data={(['open', 'decided'] as const).map((value) => ({
          value,
          label: t(`moderation.appeals.filter.${value}`),
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
