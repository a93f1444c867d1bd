import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { type CuratedList, LIST_LIMITS } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/client.ts';
import { LIST_LIMIT_CODE, useCreateList } from '../../../shared/nanos/api/lists-menu.ts';
import { ProblemAlert } from '../../../shared/ui/form-error-alert.tsx';
import { useDeleteList } from '../api/delete-list.ts';
import { useUpdateList } from '../api/update-list.ts';
import { ListForm } from './list-form.tsx';

interface DialogProps {
  opened: boolean;
  onClose: () => void;
}

/** "Neue Liste": name and description; the limit of 50 lists gets its own explanation. */
export function CreateListDialog({
  opened,
  onClose,
  onCreated,
}: DialogProps & { onCreated: (list: CuratedList) => void }) {
  const { t } = useTranslation();
  const create = useCreateList();
  const limitReached = create.error instanceof ApiError && create.error.code === LIST_LIMIT_CODE;
  const close = () => {
    create.reset();
    onClose();
  };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('lists.form.close') }}
      opened={opened}
      onClose={close}
      title={t('lists.createTitle')}
      centered
    >
      {opened && (
        <ListForm
          submitLabel={t('lists.form.create')}
          pending={create.isPending}
          error={create.error}
          problem={
            limitReached ? (
              <ProblemAlert title={t('lists.limit.title')}>
                <Text size="sm">{t('lists.limit.lists', { max: LIST_LIMITS.listsPerUserMax })}</Text>
              </ProblemAlert>
            ) : undefined
          }
          onSubmit={(values, form) =>
            create.mutate(values, {
              onSuccess: (list) => {
                close();
                onCreated(list);
              },
              onError: form.setServerErrors,
            })
          }
          onCancel={close}
        />
      )}
    </Modal>
  );
}

/** Name and description of an existing list. */
export function EditListDialog({ list, opened, onClose }: DialogProps & { list: CuratedList }) {
  const { t } = useTranslation();
  const update = useUpdateList();
  const close = () => {
    update.reset();
    onClose();
  };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('lists.form.close') }}
      opened={opened}
      onClose={close}
      title={t('lists.editTitle')}
      centered
    >
      {opened && (
        <ListForm
          list={list}
          submitLabel={t('lists.form.save')}
          pending={update.isPending}
          error={update.error}
          onSubmit={(values, form) =>
            update.mutate({ id: list.id, body: values }, { onSuccess: close, onError: form.setServerErrors })
          }
          onCancel={close}
        />
      )}
    </Modal>
  );
}

/** "Liste löschen?": the list goes, the Nanos in it stay. */
export function DeleteListDialog({
  list,
  opened,
  onClose,
  onDeleted,
}: DialogProps & { list: CuratedList; onDeleted: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteList();
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('lists.form.close') }}
      opened={opened}
      onClose={close}
      title={t('lists.deleteTitle')}
      centered
    >
      <Stack gap="md">
        {remove.error && (
          <ProblemAlert
            title={remove.error instanceof ApiError ? remove.error.title : t('routeError.title')}
          />
        )}
        <Text>{t('lists.deleteText', { name: list.name })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={remove.isPending}>
            {t('lists.form.cancel')}
          </Button>
          <Button
            color="red.9"
            loading={remove.isPending}
            onClick={() => remove.mutate(list.id, { onSuccess: onDeleted })}
          >
            {t('lists.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
