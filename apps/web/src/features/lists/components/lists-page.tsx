import {
  Anchor,
  Badge,
  Button,
  Container,
  Group,
  Paper,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure, useDocumentTitle } from '@mantine/hooks';
import { type CuratedList, LIST_LIMITS } from '@nano/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { paths } from '../../../shared/routes.ts';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { useLists } from '../api/get-lists.ts';
import { CreateListDialog, DeleteListDialog, EditListDialog } from './list-dialogs.tsx';

/** One list: name (the link), description, how many Nanos, shared or not, edit and delete. */
function ListEntry({ list, onDeleted }: { list: CuratedList; onDeleted: () => void }) {
  const { t } = useTranslation();
  const [editing, edit] = useDisclosure(false);
  const [deleting, del] = useDisclosure(false);
  return (
    <Paper component="article" withBorder radius="md" p="md" aria-label={list.name}>
      <Stack gap="xs">
        <Group gap="sm" justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={2} size="h4" style={{ overflowWrap: 'anywhere' }}>
            <Anchor component={Link} to={paths.listDetail.getHref(list.id)} inherit>
              {list.name}
            </Anchor>
          </Title>
          {list.shareUrl && (
            <Badge color="teal.9" variant="filled" style={{ flexShrink: 0 }}>
              {t('lists.shared')}
            </Badge>
          )}
        </Group>
        {list.description && (
          <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }} lineClamp={3}>
            {list.description}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {t('lists.itemCount', { count: list.itemCount })}
        </Text>
        <Group gap="sm">
          <Button variant="default" size="xs" onClick={edit.open}>
            {t('lists.edit')}
            <VisuallyHidden>{`: ${list.name}`}</VisuallyHidden>
          </Button>
          <Button variant="default" size="xs" color="red.9" onClick={del.open}>
            {t('lists.delete')}
            <VisuallyHidden>{`: ${list.name}`}</VisuallyHidden>
          </Button>
        </Group>
      </Stack>
      <EditListDialog list={list} opened={editing} onClose={edit.close} />
      <DeleteListDialog list={list} opened={deleting} onClose={del.close} onDeleted={onDeleted} />
    </Paper>
  );
}

/** `/listen`: the user's curated lists; create, edit, delete (after a question), open one. */
export function ListsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.documentTitle', { page: t('lists.title') }));
  const navigate = useNavigate();
  const lists = useLists();
  const [creating, create] = useDisclosure(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [deleted, setDeleted] = useState<{ name: string }>();
  // The dialog's button is gone with the list: after it closes, the page heading takes the focus.
  useEffect(() => {
    if (deleted) {
      headingRef.current?.focus();
    }
  }, [deleted]);
  const full = (lists.data?.length ?? 0) >= LIST_LIMITS.listsPerUserMax;

  const renderContent = () => {
    if (lists.isPending) {
      return <PageLoader />;
    }
    if (lists.isError) {
      return (
        <ErrorAlert
          error={lists.error}
          message={t('lists.loadError')}
          onRetry={() => void lists.refetch()}
          retrying={lists.isFetching}
        />
      );
    }
    if (lists.data.length === 0) {
      return (
        <Paper withBorder radius="md" p="xl">
          <Stack gap="sm" align="flex-start">
            <Title order={2} size="h4">
              {t('lists.emptyTitle')}
            </Title>
            <Text>{t('lists.emptyText')}</Text>
          </Stack>
        </Paper>
      );
    }
    return (
      <Stack component="ul" gap="md" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {lists.data.map((list) => (
          <li key={list.id}>
            <ListEntry list={list} onDeleted={() => setDeleted({ name: list.name })} />
          </li>
        ))}
      </Stack>
    );
  };

  return (
    <Container size="md" py="xl">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end">
          <Stack gap={4}>
            <Title order={1} ref={headingRef} tabIndex={-1}>
              {t('lists.title')}
            </Title>
            <Text c="dimmed">{t('lists.intro')}</Text>
          </Stack>
          <Button onClick={create.open} disabled={full || !lists.data}>
            {t('lists.create')}
          </Button>
        </Group>
        {lists.data && (
          <Text size="sm" c="dimmed">
            {full
              ? t('lists.limit.lists', { max: LIST_LIMITS.listsPerUserMax })
              : t('lists.count', { count: lists.data.length, max: LIST_LIMITS.listsPerUserMax })}
          </Text>
        )}
        <VisuallyHidden role="status">
          {deleted ? t('lists.deleted', { name: deleted.name }) : ''}
        </VisuallyHidden>
        {renderContent()}
      </Stack>
      <CreateListDialog
        opened={creating}
        onClose={create.close}
        onCreated={(list) => void navigate(paths.listDetail.getHref(list.id))}
      />
    </Container>
  );
}
