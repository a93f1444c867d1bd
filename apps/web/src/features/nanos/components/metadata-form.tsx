import {
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { NANO_FORMATS, NANO_LANGUAGES, NANO_LIMITS } from '@nano/contracts';
import { type ReactNode, useId } from 'react';
import { Controller, type UseFormReturn, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { languageName } from '../../../shared/nanos/format.ts';
import { CategoryField, LevelField, LicenseField } from './metadata-choice-fields.tsx';
import type { MetadataOutput, MetadataValues } from './metadata-schema.ts';

interface MetadataFormProps {
  form: UseFormReturn<MetadataValues, unknown, MetadataOutput>;
  onSubmit: (values: MetadataOutput) => void;
  submitLabel: string;
  submitting: boolean;
  /** While the Nano is under review nothing can be changed. */
  readOnly?: boolean;
  /** Alerts above the fields (server errors, saved notice). */
  children?: ReactNode;
}

/**
 * Every metadata field of a Nano, checked live against the shared schema: title, description
 * with a counter, duration, level, language, format, licence (with terms for the proprietary
 * one), categories, tags and whether downloading is allowed.
 */
export function MetadataForm({
  form,
  onSubmit,
  submitLabel,
  submitting,
  readOnly,
  children,
}: MetadataFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { errors } = form.formState;
  const description = useWatch({ control: form.control, name: 'description' }) ?? '';
  const license = useWatch({ control: form.control, name: 'license' });
  const downloadHintId = useId();

  return (
    <form noValidate aria-label={t('nanoForm.title.form')} onSubmit={form.handleSubmit(onSubmit)}>
      <Stack gap="lg">
        {children}
        <TextInput
          label={t('nanoForm.title.label')}
          description={t('nanoForm.title.hint', { max: NANO_LIMITS.titleMax })}
          required
          maxLength={NANO_LIMITS.titleMax}
          readOnly={readOnly}
          error={errors.title?.message}
          {...form.register('title')}
        />
        <Textarea
          label={t('nanoForm.description.label')}
          description={t('nanoForm.description.counter', {
            count: description.length,
            max: NANO_LIMITS.descriptionMax,
          })}
          required
          autosize
          minRows={4}
          maxRows={12}
          maxLength={NANO_LIMITS.descriptionMax}
          readOnly={readOnly}
          error={errors.description?.message}
          {...form.register('description')}
        />
        <Group grow align="flex-start" wrap="wrap">
          <Controller
            control={form.control}
            name="durationMinutes"
            render={({ field, fieldState }) => (
              <NumberInput
                label={t('nanoForm.duration.label')}
                description={t('nanoForm.duration.hint', {
                  min: NANO_LIMITS.durationMin,
                  max: NANO_LIMITS.durationMax,
                })}
                required
                min={NANO_LIMITS.durationMin}
                max={NANO_LIMITS.durationMax}
                allowDecimal={false}
                allowNegative={false}
                clampBehavior="none"
                suffix={` ${t('nanoForm.duration.unit')}`}
                value={field.value ?? ''}
                onChange={(value) => field.onChange(typeof value === 'number' ? value : undefined)}
                onBlur={field.onBlur}
                ref={field.ref}
                readOnly={readOnly}
                error={fieldState.error?.message}
                miw={200}
              />
            )}
          />
          <Controller
            control={form.control}
            name="language"
            render={({ field, fieldState }) => (
              <Select
                label={t('nanoForm.language.label')}
                required
                data={NANO_LANGUAGES.map((code) => ({ value: code, label: languageName(code, locale) }))}
                value={field.value ?? null}
                onChange={(value) => field.onChange(value ?? undefined)}
                onBlur={field.onBlur}
                ref={field.ref}
                allowDeselect={false}
                readOnly={readOnly}
                error={fieldState.error?.message}
                miw={200}
              />
            )}
          />
          <Controller
            control={form.control}
            name="format"
            render={({ field, fieldState }) => (
              <Select
                label={t('nanoForm.format.label')}
                required
                placeholder={t('nanoForm.format.placeholder')}
                data={NANO_FORMATS.map((format) => ({ value: format, label: t(`nanoFormat.${format}`) }))}
                value={field.value ?? null}
                onChange={(value) => field.onChange(value ?? undefined)}
                onBlur={field.onBlur}
                ref={field.ref}
                allowDeselect={false}
                readOnly={readOnly}
                error={fieldState.error?.message}
                miw={200}
              />
            )}
          />
        </Group>
        <LevelField control={form.control} disabled={readOnly} />
        <LicenseField control={form.control} disabled={readOnly} />
        {license === 'proprietary' && (
          <Textarea
            label={t('nanoForm.licenseTerms.label')}
            description={t('nanoForm.licenseTerms.hint')}
            required
            autosize
            minRows={3}
            maxLength={NANO_LIMITS.licenseTermsMax}
            readOnly={readOnly}
            error={errors.licenseTerms?.message}
            {...form.register('licenseTerms')}
          />
        )}
        <CategoryField control={form.control} disabled={readOnly} />
        <Controller
          control={form.control}
          name="tags"
          render={({ field, fieldState }) => (
            <TagsInput
              label={t('nanoForm.tags.label')}
              description={t('nanoForm.tags.hint', { max: NANO_LIMITS.tagsMax })}
              value={field.value ?? []}
              onChange={field.onChange}
              onBlur={field.onBlur}
              ref={field.ref}
              maxTags={NANO_LIMITS.tagsMax}
              maxLength={NANO_LIMITS.tagMax}
              splitChars={[',', ';']}
              clearable
              disabled={readOnly}
              error={fieldState.error?.message}
            />
          )}
        />
        <Stack gap={4}>
          <Controller
            control={form.control}
            name="downloadAllowed"
            render={({ field }) => (
              <Switch
                label={t('nanoForm.downloadAllowed.label')}
                aria-describedby={downloadHintId}
                checked={field.value ?? false}
                onChange={(event) => field.onChange(event.currentTarget.checked)}
                onBlur={field.onBlur}
                ref={field.ref}
                disabled={readOnly}
              />
            )}
          />
          {/* Beside the switch, not inside: Mantine wraps the description into the label. */}
          <Text id={downloadHintId} size="xs" c="dimmed" pl={50}>
            {t('nanoForm.downloadAllowed.hint')}
          </Text>
        </Stack>
        {!readOnly && (
          <Group>
            <Button type="submit" loading={submitting}>
              {submitLabel}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
