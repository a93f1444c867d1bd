import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import {
  type CreateListRequest,
  type CuratedList,
  createListRequestSchema,
  LIST_LIMITS,
} from '@nano/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { applyServerErrors } from '../../../shared/forms/apply-server-errors.ts';
import { useZodForm } from '../../../shared/forms/use-zod-form.ts';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';

export interface ListFormValues {
  name: string;
  description: string;
}

interface ListFormProps {
  /** The list to edit; none for a new one. */
  list?: Pick<CuratedList, 'name' | 'description'>;
  submitLabel: string;
  pending: boolean;
  error: Error | null;
  /** Shown instead of the generic error alert (e.g. the explanation of the list limit). */
  problem?: ReactNode;
  onSubmit: (values: ListFormValues, form: { setServerErrors: (error: unknown) => void }) => void;
  onCancel: () => void;
}

/** Name (≤ 100) and description (≤ 500) of a list, each with a live character count. */
export function ListForm({ list, submitLabel, pending, error, problem, onSubmit, onCancel }: ListFormProps) {
  const { t } = useTranslation();
  const form = useZodForm<CreateListRequest, z.output<typeof createListRequestSchema>>(
    createListRequestSchema,
    {
      defaultValues: { name: list?.name ?? '', description: list?.description ?? '' },
    },
  );
  const { errors } = form.formState;
  const name = form.watch('name') ?? '';
  const description = form.watch('description') ?? '';

  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((values) =>
        onSubmit(
          { name: values.name, description: values.description },
          { setServerErrors: (failure) => applyServerErrors(form, failure, ['name', 'description']) },
        ),
      )}
    >
      <Stack gap="md">
        {problem ?? <FormErrorAlert error={error} />}
        <TextInput
          label={t('lists.form.name')}
          description={t('lists.form.counter', { count: name.length, max: LIST_LIMITS.nameMax })}
          maxLength={LIST_LIMITS.nameMax}
          required
          data-autofocus
          error={errors.name?.message}
          {...form.register('name')}
        />
        <Textarea
          label={t('lists.form.description')}
          description={t('lists.form.counter', {
            count: description.length,
            max: LIST_LIMITS.descriptionMax,
          })}
          maxLength={LIST_LIMITS.descriptionMax}
          autosize
          minRows={3}
          maxRows={8}
          error={errors.description?.message}
          {...form.register('description')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={pending}>
            {t('lists.form.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
