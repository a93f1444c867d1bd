import { ActionIcon, Badge, Button, Code, Container, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatCount } from '../../../shared/nanos/format.ts';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { ArrowDownIcon, ArrowUpIcon } from '../../../shared/ui/icons.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { SuccessAlert } from '../../../shared/ui/success-alert.tsx';
import {
  type AdminCategory,
  type AdminCategoryNode,
  useAdminCategories,
} from '../api/get-admin-categories.ts';
import { useUpdateCategory } from '../api/save-category.ts';
import { CategoryDialog, type EditedCategory } from './category-dialog.tsx';

interface RowProps {
  category: AdminCategory;
  /** Index among its siblings, and how many siblings there are. */
  index: number;
  siblings: number;
  child: boolean;
  /** Its parent is deactivated, so it is not offered either. */
  parentInactive: boolean;
  busy: boolean;
  onMove: (category: AdminCategory, position: number) => void;
  onToggle: (category: AdminCategory) => void;
  onEdit: (category: AdminCategory) => void;
}

function CategoryRow({
  category,
  index,
  siblings,
  child,
  parentInactive,
  busy,
  onMove,
  onToggle,
  onEdit,
}: RowProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = category.name[locale];
  const offered = category.active && !parentInactive;
  return (
    <Table.Tr
      data-active={category.active}
      style={offered ? undefined : { background: 'var(--mantine-color-default-hover)' }}
    >
      <Table.Th scope="row" fw={child ? 400 : 700} pl={child ? 36 : undefined}>
        <Stack gap={0}>
          <Text span inherit>
            {child && (
              <Text span c="dimmed" aria-hidden="true">
                {'↳ '}
              </Text>
            )}
            {name}
          </Text>
          <Text size="xs" c="dimmed" fw={400}>
            {locale === 'de' ? `EN: ${category.name.en}` : `DE: ${category.name.de}`}
          </Text>
        </Stack>
      </Table.Th>
      <Table.Td>
        <Code>{category.slug}</Code>
      </Table.Td>
      <Table.Td ta="right">{formatCount(category.nanoCount, locale)}</Table.Td>
      <Table.Td>
        {category.active ? (
          parentInactive ? (
            <Badge color="gray.7" variant="filled" size="sm" tt="none">
              {t('admin.categories.parentInactive')}
            </Badge>
          ) : (
            <Badge color="teal.9" variant="filled" size="sm" tt="none">
              {t('admin.categories.active')}
            </Badge>
          )
        ) : (
          <Badge color="gray.7" variant="filled" size="sm" tt="none">
            {t('admin.categories.inactive')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <ActionIcon
            variant="default"
            aria-label={t('admin.categories.moveUp', { name })}
            disabled={busy || index === 0}
            onClick={() => onMove(category, index - 1)}
          >
            <ArrowUpIcon />
          </ActionIcon>
          <ActionIcon
            variant="default"
            aria-label={t('admin.categories.moveDown', { name })}
            disabled={busy || index === siblings - 1}
            onClick={() => onMove(category, index + 1)}
          >
            <ArrowDownIcon />
          </ActionIcon>
          <Button
            size="xs"
            variant="default"
            onClick={() => onEdit(category)}
            aria-label={t('admin.categories.editLabel', { name })}
          >
            {t('admin.categories.edit')}
          </Button>
          <Button
            size="xs"
            variant="default"
            disabled={busy}
            onClick={() => onToggle(category)}
            aria-label={t(
              category.active ? 'admin.categories.deactivateLabel' : 'admin.categories.activateLabel',
              { name },
            )}
          >
            {category.active ? t('admin.categories.deactivate') : t('admin.categories.activate')}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

type DialogState = { mode: 'create' } | { mode: 'edit'; category: EditedCategory } | null;

/** `/admin/kategorien` (admins): the two-level topic tree: create, rename, move, (de)activate. */
export function CategoriesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  useDocumentTitle(t('app.documentTitle', { page: t('admin.categories.title') }));
  const categories = useAdminCategories();
  const update = useUpdateCategory();
  const [dialog, setDialog] = useState<DialogState>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const tree = categories.data?.items ?? [];

  const edit = (category: AdminCategory) => {
    const node = tree.find((top) => top.id === category.id);
    setDialog({
      mode: 'edit',
      category: {
        id: category.id,
        slug: category.slug,
        name: category.name,
        parentId: category.parentId,
        hasChildren: (node?.children.length ?? 0) > 0,
      },
    });
  };
  const move = (category: AdminCategory, position: number) => {
    setNotice(null);
    update.mutate(
      { id: category.id, body: { position } },
      { onSuccess: () => setNotice(t('admin.categories.moved', { name: category.name[locale] })) },
    );
  };
  const toggle = (category: AdminCategory) => {
    setNotice(null);
    const active = !category.active;
    update.mutate(
      { id: category.id, body: { active } },
      {
        onSuccess: () =>
          setNotice(
            t(active ? 'admin.categories.activated' : 'admin.categories.deactivated', {
              name: category.name[locale],
            }),
          ),
      },
    );
  };

  const rowsOf = (top: AdminCategoryNode, index: number) => [
    <CategoryRow
      key={top.id}
      category={top}
      index={index}
      siblings={tree.length}
      child={false}
      parentInactive={false}
      busy={update.isPending}
      onMove={move}
      onToggle={toggle}
      onEdit={edit}
    />,
    ...top.children.map((child, childIndex) => (
      <CategoryRow
        key={child.id}
        category={child}
        index={childIndex}
        siblings={top.children.length}
        child
        parentInactive={!top.active}
        busy={update.isPending}
        onMove={move}
        onToggle={toggle}
        onEdit={edit}
      />
    )),
  ];

  const renderContent = () => {
    if (categories.isPending) {
      return <PageLoader />;
    }
    if (categories.isError) {
      return (
        <ErrorAlert
          error={categories.error}
          message={t('admin.categories.loadError')}
          onRetry={() => void categories.refetch()}
          retrying={categories.isFetching}
        />
      );
    }
    if (tree.length === 0) {
      return <Text>{t('admin.categories.empty')}</Text>;
    }
    return (
      <Table.ScrollContainer minWidth={820}>
        <Table verticalSpacing="xs" aria-busy={update.isPending || categories.isFetching}>
          <Table.Caption>{t('admin.categories.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('admin.categories.columns.name')}</Table.Th>
              <Table.Th scope="col">{t('admin.categories.columns.slug')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('admin.categories.columns.nanos')}
              </Table.Th>
              <Table.Th scope="col">{t('admin.categories.columns.state')}</Table.Th>
              <Table.Th scope="col">{t('admin.categories.columns.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{tree.flatMap(rowsOf)}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  };

  return (
    <Container size="lg" py="xl">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end">
          <Stack gap={4}>
            <Title order={1}>{t('admin.categories.title')}</Title>
            <Text c="dimmed">{t('admin.categories.intro')}</Text>
          </Stack>
          <Button onClick={() => setDialog({ mode: 'create' })} disabled={!categories.data}>
            {t('admin.categories.new')}
          </Button>
        </Group>
        {notice && <SuccessAlert title={notice} />}
        <FormErrorAlert error={update.isPending ? null : update.error} />
        {renderContent()}
      </Stack>
      <CategoryDialog
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        parents={tree}
        category={dialog?.mode === 'edit' ? dialog.category : undefined}
        onSaved={(name) => {
          setNotice(
            dialog?.mode === 'edit'
              ? t('admin.categories.saved', { name })
              : t('admin.categories.created', { name }),
          );
          setDialog(null);
        }}
      />
    </Container>
  );
}
