import { Button, Group, MultiSelect, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { IDENTITY_LIMITS, LOCALES, type Profile, profileUpdateSchema } from '@nano/contracts';
import { useMemo } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useCategories } from '../../../shared/api/get-categories.ts';
import { applyServerErrors } from '../../../shared/forms/apply-server-errors.ts';
import { useZodForm } from '../../../shared/forms/use-zod-form.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { SuccessAlert } from '../../../shared/ui/success-alert.tsx';
import { useUpdateProfile } from '../api/update-profile.ts';

type ProfileValues = z.input<typeof profileUpdateSchema>;

/** Text fields that the API clears with null; the form holds '' for them. */
const CLEARABLE = ['bio', 'company', 'jobTitle', 'website', 'phone'] as const;
const FIELDS = ['displayName', ...CLEARABLE, 'interests', 'locale'] as const;

function valuesOf(profile: Profile): ProfileValues {
  return {
    displayName: profile.displayName,
    bio: profile.bio ?? '',
    company: profile.company ?? '',
    jobTitle: profile.jobTitle ?? '',
    website: profile.website ?? '',
    phone: profile.phone ?? '',
    interests: profile.interests,
    locale: profile.locale,
  };
}

/** An emptied text field clears the value on the server. */
function emptyToNull(values: ProfileValues): ProfileValues {
  const prepared = { ...values };
  for (const field of CLEARABLE) {
    if (typeof prepared[field] === 'string' && prepared[field].trim() === '') {
      prepared[field] = null;
    }
  }
  return prepared;
}

/** Interest options: the subtopics, grouped under their top-level topic, in the interface language. */
function useInterestOptions() {
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

/** Every profile field, checked live by the shared update schema; saved with one PATCH. */
export function ProfileForm({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const update = useUpdateProfile();
  const interestOptions = useInterestOptions();
  const form = useZodForm(profileUpdateSchema, { defaultValues: valuesOf(profile), prepare: emptyToNull });
  const { errors, isDirty } = form.formState;
  const bio = useWatch({ control: form.control, name: 'bio' }) ?? '';

  return (
    <form
      noValidate
      aria-label={t('account.profile.title')}
      onSubmit={form.handleSubmit((values) =>
        update.mutate(values, {
          onSuccess: (saved) => form.reset(valuesOf(saved)),
          onError: (error) => applyServerErrors(form, error, FIELDS),
        }),
      )}
    >
      <Stack gap="md">
        <FormErrorAlert error={update.error} />
        {update.isSuccess && !isDirty && <SuccessAlert title={t('account.profile.saved')} />}
        <TextInput
          label={t('auth.fields.displayName')}
          description={t('auth.register.displayNameHint')}
          autoComplete="name"
          required
          maxLength={IDENTITY_LIMITS.displayNameMax}
          error={errors.displayName?.message}
          {...form.register('displayName')}
        />
        <Textarea
          label={t('account.profile.bio')}
          description={t('account.profile.bioHint', { count: bio.length, max: IDENTITY_LIMITS.bioMax })}
          autosize
          minRows={3}
          maxRows={8}
          maxLength={IDENTITY_LIMITS.bioMax}
          error={errors.bio?.message}
          {...form.register('bio')}
        />
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label={t('account.profile.company')}
            autoComplete="organization"
            maxLength={IDENTITY_LIMITS.companyMax}
            error={errors.company?.message}
            miw={220}
            {...form.register('company')}
          />
          <TextInput
            label={t('account.profile.jobTitle')}
            autoComplete="organization-title"
            maxLength={IDENTITY_LIMITS.jobTitleMax}
            error={errors.jobTitle?.message}
            miw={220}
            {...form.register('jobTitle')}
          />
        </Group>
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label={t('account.profile.website')}
            description={t('account.profile.websiteHint')}
            type="url"
            autoComplete="url"
            placeholder="https://"
            maxLength={IDENTITY_LIMITS.websiteMax}
            error={errors.website?.message}
            miw={220}
            {...form.register('website')}
          />
          <TextInput
            label={t('account.profile.phone')}
            description={t('account.profile.phoneHint')}
            type="tel"
            autoComplete="tel"
            maxLength={IDENTITY_LIMITS.phoneMax}
            error={errors.phone?.message}
            miw={220}
            {...form.register('phone')}
          />
        </Group>
        <Controller
          control={form.control}
          name="interests"
          render={({ field }) => (
            <MultiSelect
              label={t('account.profile.interests')}
              description={t('account.profile.interestsHint', { max: IDENTITY_LIMITS.interestsMax })}
              data={interestOptions}
              value={field.value ?? []}
              onChange={field.onChange}
              onBlur={field.onBlur}
              ref={field.ref}
              maxValues={IDENTITY_LIMITS.interestsMax}
              searchable
              clearable
              hidePickedOptions
              nothingFoundMessage={t('account.profile.interestsNothingFound')}
              error={errors.interests?.message}
            />
          )}
        />
        <Controller
          control={form.control}
          name="locale"
          render={({ field }) => (
            <Radio.Group
              label={t('account.profile.locale')}
              description={t('account.profile.localeHint')}
              value={field.value ?? profile.locale}
              onChange={field.onChange}
              error={errors.locale?.message}
            >
              <Group gap="lg" mt="xs">
                {LOCALES.map((locale) => (
                  <Radio
                    key={locale}
                    value={locale}
                    label={<span lang={locale}>{t(`language.${locale}`)}</span>}
                  />
                ))}
              </Group>
            </Radio.Group>
          )}
        />
        <Group>
          <Button type="submit" loading={update.isPending}>
            {t('account.profile.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
