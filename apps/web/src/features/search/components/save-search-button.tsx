import { Anchor, Button, Group, Modal, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { createSavedSearchRequestSchema, SEARCH_LIMITS } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../../shared/api/client.ts';
import { applyServerErrors } from '../../../shared/forms/apply-server-errors.ts';
import { useZodForm } from '../../../shared/forms/use-zod-form.ts';
import { paths } from '../../../shared/routes.ts';
import { FormErrorAlert, ProblemAlert } from '../../../shared/ui/form-error-alert.tsx';
import { SuccessAlert } from '../../../shared/ui/success-alert.tsx';
import { SAVED_SEARCH_LIMIT_CODE, useCreateSavedSearch } from '../api/create-saved-search.ts';
import { filtersOf, type SearchState } from '../api/search-params.ts';

const formSchema = createSavedSearchRequestSchema.pick({ name: true, alert: true });

function SavedSearchesLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to={paths.savedSearches.getHref()}>
      {t('savedSearches.goToList')}
    </Anchor>
  );
}

/** Name and alert of the search to save; the limit of 20 gets its own explanation. */
function SaveSearchForm({ state, onClose }: { state: SearchState; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateSavedSearch();
  const form = useZodForm(formSchema, {
    defaultValues: { name: state.q.slice(0, SEARCH_LIMITS.savedSearchNameMax), alert: false },
  });
  const { errors } = form.formState;
  const limitReached = create.error instanceof ApiError && create.error.code === SAVED_SEARCH_LIMIT_CODE;

  if (create.isSuccess) {
    return (
      <Stack gap="md">
        <SuccessAlert title={t('savedSearches.saved', { name: create.data.name })}>
          <SavedSearchesLink />
        </SuccessAlert>
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('savedSearches.close')}</Button>
        </Group>
      </Stack>
    );
  }

  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((values) =>
        create.mutate(
          { ...values, filters: filtersOf(state) },
          { onError: (error) => applyServerErrors(form, error, ['name']) },
        ),
      )}
    >
      <Stack gap="md">
        {limitReached ? (
          <ProblemAlert title={t('savedSearches.limitTitle', { count: SEARCH_LIMITS.savedSearchesMax })}>
            <Text size="sm">{t('savedSearches.limitText')}</Text>
            <SavedSearchesLink />
          </ProblemAlert>
        ) : (
          <FormErrorAlert error={create.error} />
        )}
        <TextInput
          label={t('savedSearches.name')}
          description={t('savedSearches.nameHint')}
          maxLength={SEARCH_LIMITS.savedSearchNameMax}
          required
          data-autofocus
          error={errors.name?.message}
          {...form.register('name')}
        />
        <Switch
          label={t('savedSearches.alert')}
          description={t('savedSearches.alertHint')}
          {...form.register('alert')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={create.isPending}>
            {t('savedSearches.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('savedSearches.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "Suche speichern" (signed-in users only): a small dialog for the name and the alert. */
export function SaveSearchButton({ state }: { state: SearchState }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="default" onClick={open}>
        {t('savedSearches.saveSearch')}
      </Button>
      <Modal
        closeButtonProps={{ 'aria-label': t('savedSearches.close') }}
        opened={opened}
        onClose={close}
        title={t('savedSearches.saveSearch')}
        centered
      >
        {opened && <SaveSearchForm state={state} onClose={close} />}
      </Modal>
    </>
  );
}
