import { Anchor, MultiSelect, Radio, Stack, VisuallyHidden } from '@mantine/core';
import { NANO_LEVELS, NANO_LICENSES, NANO_LIMITS } from '@nano/contracts';
import { useId, useMemo } from 'react';
import { type Control, Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useCategories } from '../../../shared/api/get-categories.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { LICENSE_KEYS, licenseUrl } from '../../../shared/nanos/labels.ts';
import type { MetadataValues } from './metadata-schema.ts';

interface FieldProps {
  control: Control<MetadataValues, unknown, unknown>;
  disabled?: boolean;
}

/** Competency level 1–3, each with what it expects of the learner. */
export function LevelField({ control, disabled }: FieldProps) {
  const { t } = useTranslation();
  // Mantine does not tie a radio's description to its input; the ids do.
  const baseId = useId();
  return (
    <Controller
      control={control}
      name="level"
      render={({ field, fieldState }) => (
        <Radio.Group
          label={t('nanoForm.level.label')}
          withAsterisk
          value={field.value === undefined ? null : String(field.value)}
          onChange={(value) => field.onChange(Number(value))}
          error={fieldState.error?.message}
          ref={field.ref}
        >
          <Stack gap="xs" mt="xs">
            {NANO_LEVELS.map((level) => (
              <Radio
                key={level}
                value={String(level)}
                label={t(`nanoLevel.${level}`)}
                description={<span id={`${baseId}-${level}`}>{t(`nanoLevelHint.${level}`)}</span>}
                aria-describedby={`${baseId}-${level}`}
                disabled={disabled}
                onBlur={field.onBlur}
              />
            ))}
          </Stack>
        </Radio.Group>
      )}
    />
  );
}

/** The licence, each with a short explanation and the licence text; proprietary asks for terms below. */
export function LicenseField({ control, disabled }: FieldProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const baseId = useId();
  return (
    <Controller
      control={control}
      name="license"
      render={({ field, fieldState }) => (
        <Radio.Group
          label={t('nanoForm.license.label')}
          description={t('nanoForm.license.hint')}
          withAsterisk
          value={field.value ?? null}
          onChange={field.onChange}
          error={fieldState.error?.message}
          ref={field.ref}
        >
          <Stack gap="sm" mt="xs">
            {NANO_LICENSES.map((license) => {
              const key = LICENSE_KEYS[license];
              const url = licenseUrl(license, locale);
              return (
                <Radio
                  key={license}
                  value={license}
                  disabled={disabled}
                  onBlur={field.onBlur}
                  label={t(`license.${key}.name`)}
                  aria-describedby={`${baseId}-${key}`}
                  description={
                    <span id={`${baseId}-${key}`}>
                      {t(`license.${key}.explanation`)}
                      {url && (
                        <>
                          {' '}
                          <Anchor href={url} target="_blank" rel="noopener noreferrer" size="xs">
                            {t('nano.licenseLink')}
                            <VisuallyHidden>{` (${t('app.opensInNewTab')})`}</VisuallyHidden>
                          </Anchor>
                        </>
                      )}
                    </span>
                  }
                />
              );
            })}
          </Stack>
        </Radio.Group>
      )}
    />
  );
}

/** Category options: the subtopics, grouped under their top-level topic, in the interface language. */
function useCategoryOptions() {
  const locale = useLocale();
  const categories = useCategories();
  return useMemo(
    () =>
      (categories.data?.items ?? [])
        .toSorted((a, b) => a.position - b.position)
        .map((top) => ({
          group: top.name[locale],
          items: top.children
            .toSorted((a, b) => a.position - b.position)
            .map((child) => ({ value: child.id, label: child.name[locale] })),
        })),
    [categories.data, locale],
  );
}

/** 1–5 categories from the topic tree. */
export function CategoryField({ control, disabled }: FieldProps) {
  const { t } = useTranslation();
  const options = useCategoryOptions();
  return (
    <Controller
      control={control}
      name="categoryIds"
      render={({ field, fieldState }) => (
        <MultiSelect
          label={t('nanoForm.categories.label')}
          description={t('nanoForm.categories.hint', {
            min: NANO_LIMITS.categoriesMin,
            max: NANO_LIMITS.categoriesMax,
          })}
          withAsterisk
          data={options}
          value={field.value ?? []}
          onChange={field.onChange}
          onBlur={field.onBlur}
          ref={field.ref}
          maxValues={NANO_LIMITS.categoriesMax}
          searchable
          clearable
          hidePickedOptions
          disabled={disabled}
          nothingFoundMessage={t('nanoForm.categories.nothingFound')}
          error={fieldState.error?.message}
        />
      )}
    />
  );
}
