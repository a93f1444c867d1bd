import {
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { createSavedSearchRequestSchema, type SavedSearch, SEARCH_LIMITS } from '@nano/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { applyServerErrors } from '../../../shared/forms/apply-server-errors.ts';
import { useZodForm } from '../../../shared/forms/use-zod-form.ts';
import { paths } from '../../../shared/routes.ts';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { useDeleteSavedSearch } from '../api/delete-saved-search.ts';
import { searchStateToParams } from '../api/search-params.ts';
import { useUpdateSavedSearch } from '../api/update-saved-search.ts';
import { useFilterLabels } from './use-filter-labels.ts';

const renameSchema = createSavedSearchRequestSchema.pick({ name: true });

function RenameForm({ saved, onDone }: { saved: SavedSearch; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateSavedSearch();
  const form = useZodForm(renameSchema, { defaultValues: { name: saved.name } });
  return (
    <form
      noValidate
      onSubmit={form.handleSubmit(({ name }) =>
        update.mutate(
          { id: saved.id, body: { name } },
          { onSuccess: onDone, onError: (error) => applyServerErrors(form, error, ['name']) },
        ),
      )}
    >
      <Stack gap="sm">
        <FormErrorAlert error={update.error} />
        <TextInput
          label={t('savedSearches.name')}
          maxLength={SEARCH_LIMITS.savedSearchNameMax}
          required
          data-autofocus
          error={form.formState.errors.name?.message}
          {...form.register('name')}
        />
        <Group gap="sm">
          <Button type="submit" size="sm" loading={update.isPending}>
            {t('savedSearches.save')}
          </Button>
          <Button variant="default" size="sm" onClick={onDone} disabled={update.isPending}>
            {t('savedSearches.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One saved search: name, what it filters, open, alert switch, rename, delete (after a question). */
export function SavedSearchItem({ saved }: { saved: SavedSearch }) {
  const { t } = useTranslation();
  const { summary } = useFilterLabels();
  const update = useUpdateSavedSearch();
  const remove = useDeleteSavedSearch();
  const [renaming, setRenaming] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const href = paths.search.getHref(searchStateToParams({ ...saved.filters, page: 1 }));
  const alertChecked =
    update.isPending && update.variables.body.alert !== undefined ? update.variables.body.alert : saved.alert;

  return (
    <Paper component="article" withBorder radius="md" p="md" aria-label={saved.name}>
      <Stack gap="sm">
        {renaming ? (
          <RenameForm saved={saved} onDone={() => setRenaming(false)} />
        ) : (
          <Title order={2} size="h4" style={{ overflowWrap: 'anywhere' }}>
            {saved.name}
          </Title>
        )}
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {summary(saved.filters)}
        </Text>
        {!renaming && <FormErrorAlert error={update.error ?? remove.error} />}
        <Switch
          label={t('savedSearches.alert')}
          checked={alertChecked}
          disabled={update.isPending}
          onChange={(event) => update.mutate({ id: saved.id, body: { alert: event.currentTarget.checked } })}
        />
        <Group gap="sm">
          <Button component={Link} to={href} size="sm">
            {t('savedSearches.open')}
            <VisuallyHidden>{`: ${saved.name}`}</VisuallyHidden>
          </Button>
          {!renaming && (
            <Button variant="default" size="sm" onClick={() => setRenaming(true)}>
              {t('savedSearches.rename')}
              <VisuallyHidden>{`: ${saved.name}`}</VisuallyHidden>
            </Button>
          )}
          <Button variant="default" size="sm" color="red.9" onClick={() => setConfirming(true)}>
            {t('savedSearches.delete')}
            <VisuallyHidden>{`: ${saved.name}`}</VisuallyHidden>
          </Button>
        </Group>
      </Stack>
      <Modal
        closeButtonProps={{ 'aria-label': t('savedSearches.close') }}
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('savedSearches.deleteTitle')}
        centered
      >
        <Stack gap="md">
          <Text>{t('savedSearches.deleteText', { name: saved.name })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)} disabled={remove.isPending}>
              {t('savedSearches.cancel')}
            </Button>
            <Button
              color="red.9"
              loading={remove.isPending}
              onClick={() => remove.mutate(saved.id, { onSettled: () => setConfirming(false) })}
            >
              {t('savedSearches.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
