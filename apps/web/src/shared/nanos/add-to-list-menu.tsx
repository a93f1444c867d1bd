import {
  ActionIcon,
  Anchor,
  Button,
  Checkbox,
  Group,
  Loader,
  Popover,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { LIST_LIMITS } from '@nano/contracts';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/client.ts';
import { useCurrentUser } from '../auth/get-current-user.ts';
import { paths } from '../routes.ts';
import { ListPlusIcon } from '../ui/icons.tsx';
import {
  LIST_ITEM_LIMIT_CODE,
  LIST_LIMIT_CODE,
  useCreateList,
  useListsContaining,
  useSetListItem,
} from './api/lists-menu.ts';

/** What went wrong, in the user's words: the two limits get their own sentence. */
function useListProblem() {
  const { t } = useTranslation();
  return (error: Error | null): string | undefined => {
    if (!error) {
      return undefined;
    }
    if (error instanceof ApiError && error.code === LIST_LIMIT_CODE) {
      return t('lists.limit.lists', { max: LIST_LIMITS.listsPerUserMax });
    }
    if (error instanceof ApiError && error.code === LIST_ITEM_LIMIT_CODE) {
      return t('lists.limit.items', { max: LIST_LIMITS.itemsPerListMax });
    }
    return error instanceof ApiError ? error.title : t('routeError.title');
  };
}

/** "Neue Liste …": a name, and the new list gets the Nano at once. */
function NewListForm({ nanoId, onDone }: { nanoId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateList();
  const problem = useListProblem()(create.error);
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const missing = touched && name.trim() === '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (name.trim() === '') {
      return;
    }
    create.mutate({ name: name.trim(), description: '', nanoId }, { onSuccess: onDone });
  };

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="xs">
        <TextInput
          label={t('lists.menu.newName')}
          size="sm"
          required
          data-autofocus
          autoFocus
          maxLength={LIST_LIMITS.nameMax}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={missing ? t('lists.form.nameRequired') : undefined}
        />
        {problem && (
          <Text size="sm" c="red.9" role="alert">
            {problem}
          </Text>
        )}
        <Group gap="xs" justify="flex-end">
          <Button variant="default" size="xs" onClick={onDone} disabled={create.isPending}>
            {t('lists.form.cancel')}
          </Button>
          <Button type="submit" size="xs" loading={create.isPending}>
            {t('lists.menu.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The user's lists with ticks; a click puts the Nano in or takes it out. */
function ListChoices({ nanoId, title }: { nanoId: string; title: string }) {
  const { t } = useTranslation();
  const lists = useListsContaining(nanoId, { enabled: true });
  const setItem = useSetListItem();
  const problem = useListProblem()(setItem.error);
  const [creating, setCreating] = useState(false);
  const headingId = useId();

  const renderLists = () => {
    if (lists.isPending) {
      return <Loader size="sm" aria-label={t('app.loading')} />;
    }
    if (lists.isError) {
      return (
        <Text size="sm" c="red.9" role="alert">
          {t('lists.menu.loadError')}
        </Text>
      );
    }
    if (lists.data.length === 0) {
      return <Text size="sm">{t('lists.menu.empty')}</Text>;
    }
    return (
      <Stack gap={6} role="group" aria-labelledby={headingId} mah={240} style={{ overflowY: 'auto' }}>
        {lists.data.map((list) => (
          <Checkbox
            key={list.id}
            label={list.name}
            checked={list.containsNano ?? false}
            onChange={(event) =>
              setItem.mutate({ listId: list.id, nanoId, contained: event.currentTarget.checked })
            }
          />
        ))}
      </Stack>
    );
  };

  return (
    <Stack gap="sm">
      <Text fw={600} size="sm" id={headingId}>
        {t('lists.menu.heading', { title })}
      </Text>
      {renderLists()}
      {problem && (
        <Text size="sm" c="red.9" role="alert">
          {problem}
        </Text>
      )}
      {creating ? (
        <NewListForm nanoId={nanoId} onDone={() => setCreating(false)} />
      ) : (
        <Group justify="space-between" gap="xs">
          <Button variant="light" size="xs" onClick={() => setCreating(true)}>
            {t('lists.menu.newList')}
          </Button>
          <Anchor component={Link} to={paths.lists.getHref()} size="sm">
            {t('lists.menu.manage')}
          </Anchor>
        </Group>
      )}
    </Stack>
  );
}

/**
 * The "add to list" button of a Nano card and page: a small dialog with the user's lists
 * (ticked where the Nano is in) and "Neue Liste …". Guests go to the login page first.
 */
export function AddToListMenu({ nanoId, title }: { nanoId: string; title: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const signedIn = Boolean(useCurrentUser().data);
  const [opened, setOpened] = useState(false);
  const label = t('lists.menu.button', { title });

  const onClick = () => {
    if (!signedIn) {
      void navigate(paths.login.getHref(`${location.pathname}${location.search}`));
      return;
    }
    setOpened((open) => !open);
  };

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width={280}
      trapFocus
      returnFocus
      withArrow
      shadow="md"
    >
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          aria-label={label}
          title={label}
          aria-haspopup="dialog"
          aria-expanded={opened}
          onClick={onClick}
        >
          <ListPlusIcon />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>{opened && <ListChoices nanoId={nanoId} title={title} />}</Popover.Dropdown>
    </Popover>
  );
}
