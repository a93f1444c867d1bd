import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { ADMIN_LIMITS, createCategoryRequestSchema } from '@nano/contracts';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { applyServerErrors } from '../../../shared/forms/apply-server-errors.ts';
import { useZodForm } from '../../../shared/forms/use-zod-form.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import type { AdminCategoryNode } from '../api/get-admin-categories.ts';
import { useCreateCategory, useUpdateCategory } from '../api/save-category.ts';

/** The parent select's value for "top level" (an option needs a non-empty value). */
const TOP_LEVEL = 'oberste-ebene';

const createFormSchema = createCategoryRequestSchema.extend({ parentId: z.string() });
const editFormSchema = createCategoryRequestSchema.pick({ name: true }).extend({ parentId: z.string() });
type CategoryFormValues = { slug: string; name: { de: string; en: string }; parentId: string };

/** A slug suggested from the German name: "Künstliche Intelligenz" → "kuenstliche-intelligenz". */
export function slugFrom(name: string): string {
  return name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, ADMIN_LIMITS.categorySlugMax)
    .replace(/-+$/, '');
}

/** The category being edited (with its children, which keep it on the top level). */
export interface EditedCategory {
  id: string;
  slug: string;
  name: { de: string; en: string };
  parentId: string | null;
  hasChildren: boolean;
}

interface CategoryDialogProps {
  opened: boolean;
  onClose: () => void;
  /** The top-level categories a category can be filed under. */
  parents: AdminCategoryNode[];
  /** None: a new category. */
  category?: EditedCategory | undefined;
  onSaved: (name: string) => void;
}

const FIELDS = ['slug', 'name', 'parentId'] as const;

function CategoryForm({
  parents,
  category,
  onSaved,
  onCancel,
}: Omit<CategoryDialogProps, 'opened' | 'onClose'> & { onCancel: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const create = useCreateCategory();
  const update = useUpdateCategory();
  const editing = category !== undefined;
  const mutation = editing ? update : create;
  const [slugTouched, setSlugTouched] = useState(editing);
  const form = useZodForm<CategoryFormValues, CategoryFormValues>(
    (editing ? editFormSchema : createFormSchema) as unknown as z.ZodType<
      CategoryFormValues,
      CategoryFormValues
    >,
    {
      defaultValues: {
        slug: category?.slug ?? '',
        name: { de: category?.name.de ?? '', en: category?.name.en ?? '' },
        parentId: category?.parentId ?? TOP_LEVEL,
      },
    },
  );
  const { errors } = form.formState;
  const parentOptions = [
    { value: TOP_LEVEL, label: t('admin.categories.topLevel') },
    ...parents
      .filter((parent) => parent.id !== category?.id)
      .map((parent) => ({ value: parent.id, label: parent.name[locale] })),
  ];
  const germanName = form.register('name.de');

  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((values) => {
        const parentId = values.parentId === TOP_LEVEL ? null : values.parentId;
        const setServerErrors = (failure: unknown) => applyServerErrors(form, failure, FIELDS);
        const done = { onSuccess: () => onSaved(values.name[locale]), onError: setServerErrors };
        if (category) {
          update.mutate(
            {
              id: category.id,
              body: { name: values.name, ...(parentId !== category.parentId ? { parentId } : {}) },
            },
            done,
          );
        } else {
          create.mutate({ slug: values.slug, name: values.name, parentId }, done);
        }
      })}
    >
      <Stack gap="md">
        <FormErrorAlert error={mutation.error} />
        <TextInput
          label={t('admin.categories.nameDe')}
          required
          maxLength={100}
          data-autofocus
          error={errors.name?.de?.message}
          {...germanName}
          onChange={(event) => {
            void germanName.onChange(event);
            if (!slugTouched) {
              form.setValue('slug', slugFrom(event.currentTarget.value));
            }
          }}
        />
        <TextInput
          label={t('admin.categories.nameEn')}
          required
          maxLength={100}
          error={errors.name?.en?.message}
          {...form.register('name.en')}
        />
        {editing ? (
          <Text size="sm">
            {t('admin.categories.slug')}: <code>{category.slug}</code>{' '}
            <Text span size="sm" c="dimmed">
              {t('admin.categories.slugFixed')}
            </Text>
          </Text>
        ) : (
          <TextInput
            label={t('admin.categories.slug')}
            description={t('admin.categories.slugHint')}
            required
            maxLength={ADMIN_LIMITS.categorySlugMax}
            spellCheck={false}
            autoComplete="off"
            error={errors.slug?.message}
            {...form.register('slug', { onChange: () => setSlugTouched(true) })}
          />
        )}
        <Controller
          control={form.control}
          name="parentId"
          render={({ field }) => (
            <Select
              label={t('admin.categories.parent')}
              description={category?.hasChildren ? t('admin.categories.parentLocked') : undefined}
              data={parentOptions}
              value={field.value}
              onChange={(value) => field.onChange(value ?? TOP_LEVEL)}
              onBlur={field.onBlur}
              allowDeselect={false}
              disabled={category?.hasChildren}
              error={errors.parentId?.message}
              comboboxProps={{ withinPortal: true }}
            />
          )}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={mutation.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {editing ? t('admin.categories.save') : t('admin.categories.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Create a category, or rename and move one (the slug stays: it is in saved links and searches). */
export function CategoryDialog({ opened, onClose, parents, category, onSaved }: CategoryDialogProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={onClose}
      title={
        category
          ? t('admin.categories.editTitle', { name: category.name[locale] })
          : t('admin.categories.createTitle')
      }
      centered
    >
      {opened && <CategoryForm parents={parents} category={category} onSaved={onSaved} onCancel={onClose} />}
    </Modal>
  );
}
