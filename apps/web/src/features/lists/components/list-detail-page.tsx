import { Anchor, Badge, Button, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure, useDocumentTitle } from '@mantine/hooks';
import { LIST_EXPORT_FORMATS, type ListDetail, type ListItem } from '@nano/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../shared/api/client.ts';
import { paths } from '../../../shared/routes.ts';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { ProblemAlert } from '../../../shared/ui/form-error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { listExportUrl } from '../api/export-list.ts';
import { useList } from '../api/get-list.ts';
import { useRemoveListItem } from '../api/remove-list-item.ts';
import { LIST_CONFLICT_CODE, useReorderListItems } from '../api/reorder-list-items.ts';
import { DeleteListDialog, EditListDialog } from './list-dialogs.tsx';
import { ShareDialog } from './share-dialog.tsx';
import { SortableListItems } from './sortable-list-items.tsx';

function ListNotFound() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" align="flex-start">
      <Title order={1}>{t('lists.detail.notFoundTitle')}</Title>
      <Text>{t('lists.detail.notFoundText')}</Text>
      <Anchor component={Link} to={paths.lists.getHref()}>
        {t('lists.detail.backToLists')}
      </Anchor>
    </Stack>
  );
}

/** CSV, JSON and PDF downloads of the list. */
function ExportLinks({ listId }: { listId: string }) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <Group gap="xs" role="group" aria-labelledby={labelId}>
      <Text size="sm" id={labelId}>
        {t('lists.export.label')}
      </Text>
      {LIST_EXPORT_FORMATS.map((format) => (
        <Button
          key={format}
          component="a"
          href={listExportUrl(listId, format)}
          download
          aria-label={t('lists.export.as', { format: format.toUpperCase() })}
          variant="default"
          size="xs"
        >
          {format.toUpperCase()}
        </Button>
      ))}
    </Group>
  );
}

/** Why a reorder or removal failed; a conflict (the list changed elsewhere) is explained. */
function ChangeProblem({ error }: { error: Error | null }) {
  const { t } = useTranslation();
  if (!error) {
    return null;
  }
  if (error instanceof ApiError && error.code === LIST_CONFLICT_CODE) {
    return (
      <ProblemAlert title={t('lists.detail.conflictTitle')}>
        <Text size="sm">{t('lists.detail.conflictText')}</Text>
      </ProblemAlert>
    );
  }
  return <ProblemAlert title={error instanceof ApiError ? error.title : t('routeError.title')} />;
}

function ListView({ list }: { list: ListDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const itemsHeadingId = useId();
  const [editing, edit] = useDisclosure(false);
  const [sharing, shareDialog] = useDisclosure(false);
  const [deleting, del] = useDisclosure(false);
  const reorder = useReorderListItems(list.id);
  const remove = useRemoveListItem(list.id);
  const changeError = reorder.error ?? remove.error;

  const onReorder = (items: ListItem[]) => {
    remove.reset();
    reorder.mutate(items);
  };
  const onRemove = (item: ListItem) => {
    reorder.reset();
    remove.mutate(item.nanoId);
  };

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={paths.lists.getHref()} size="sm">
        {t('lists.detail.backToLists')}
      </Anchor>
      <Stack gap="xs">
        <Group gap="sm" align="center">
          <Title order={1} style={{ overflowWrap: 'anywhere' }}>
            {list.name}
          </Title>
          {list.shareUrl && (
            <Badge color="teal.9" variant="filled">
              {t('lists.shared')}
            </Badge>
          )}
        </Group>
        {list.description && (
          <Text style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{list.description}</Text>
        )}
        <Text size="sm" c="dimmed">
          {t('lists.itemCount', { count: list.items.length })}
        </Text>
      </Stack>
      <Group gap="sm" justify="space-between">
        <Group gap="sm">
          <Button onClick={shareDialog.open}>{t('lists.share.open')}</Button>
          <Button variant="default" onClick={edit.open}>
            {t('lists.edit')}
          </Button>
          <Button variant="default" color="red.9" onClick={del.open}>
            {t('lists.delete')}
          </Button>
        </Group>
        <ExportLinks listId={list.id} />
      </Group>
      <Stack gap="sm">
        <Title order={2} size="h3" id={itemsHeadingId}>
          {t('lists.detail.itemsHeading')}
        </Title>
        <ChangeProblem error={changeError} />
        {list.items.length === 0 ? (
          <Paper withBorder radius="md" p="xl">
            <Stack gap="sm" align="flex-start">
              <Text>{t('lists.detail.empty')}</Text>
              <Anchor component={Link} to={paths.search.getHref()}>
                {t('favorites.goToSearch')}
              </Anchor>
            </Stack>
          </Paper>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {t('lists.detail.reorderHint')}
            </Text>
            <SortableListItems
              items={list.items}
              onReorder={onReorder}
              onRemove={onRemove}
              removingId={remove.isPending ? remove.variables : undefined}
              labelledBy={itemsHeadingId}
            />
          </>
        )}
      </Stack>
      <EditListDialog list={list} opened={editing} onClose={edit.close} />
      <ShareDialog listId={list.id} shareUrl={list.shareUrl} opened={sharing} onClose={shareDialog.close} />
      <DeleteListDialog
        list={list}
        opened={deleting}
        onClose={del.close}
        onDeleted={() => void navigate(paths.lists.getHref(), { replace: true })}
      />
    </Stack>
  );
}

/** `/listen/:id`: one list, its Nanos in order (drag or arrows to reorder), share, export, edit. */
export function ListDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const list = useList(id);
  const notFound = list.error instanceof ApiError && (list.error.status === 404 || list.error.status === 400);
  useDocumentTitle(
    t('app.documentTitle', {
      page: list.data?.name ?? (notFound ? t('lists.detail.notFoundTitle') : t('lists.title')),
    }),
  );

  const renderContent = () => {
    if (list.isPending) {
      return <PageLoader />;
    }
    if (notFound) {
      return <ListNotFound />;
    }
    if (list.isError) {
      return (
        <Stack gap="md">
          <Title order={1}>{t('lists.title')}</Title>
          <ErrorAlert
            error={list.error}
            message={t('lists.detail.loadError')}
            onRetry={() => void list.refetch()}
            retrying={list.isFetching}
          />
        </Stack>
      );
    }
    return <ListView list={list.data} />;
  };

  return (
    <Container size="md" py="xl">
      {renderContent()}
    </Container>
  );
}
