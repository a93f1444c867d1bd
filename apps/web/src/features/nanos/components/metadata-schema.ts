import { type Nano, nanoMetadataSchema } from '@nano/contracts';
import type { z } from 'zod';

/**
 * The shared metadata schema, plus the rule its documentation states: the proprietary licence
 * needs its terms (the server checks the same, `license_terms_required`).
 */
export const metadataFormSchema = nanoMetadataSchema.superRefine((values, context) => {
  if (values.license === 'proprietary' && !values.licenseTerms?.trim()) {
    context.addIssue({ code: 'custom', path: ['licenseTerms'], message: 'license_terms_required' });
  }
});

export type MetadataValues = z.input<typeof metadataFormSchema>;
export type MetadataOutput = z.output<typeof metadataFormSchema>;

/** Every field of the form, in the order they appear (focus goes to the first with an error). */
export const METADATA_FIELDS = [
  'title',
  'description',
  'durationMinutes',
  'level',
  'language',
  'format',
  'license',
  'licenseTerms',
  'categoryIds',
  'tags',
  'downloadAllowed',
] as const satisfies readonly (keyof MetadataValues)[];

/**
 * The form's values for a Nano; fields a draft has not set yet stay empty (undefined), so that
 * the inputs show their placeholder.
 */
export function valuesOf(nano: Nano | undefined): Partial<MetadataValues> {
  if (!nano) {
    return {
      title: '',
      description: '',
      language: 'de',
      licenseTerms: '',
      categoryIds: [],
      tags: [],
      downloadAllowed: false,
    };
  }
  return {
    title: nano.title,
    description: nano.description,
    durationMinutes: nano.durationMinutes ?? undefined,
    level: nano.level ?? undefined,
    language: nano.language ?? undefined,
    format: nano.format ?? undefined,
    license: nano.license ?? undefined,
    licenseTerms: nano.licenseTerms ?? '',
    categoryIds: nano.categoryIds,
    tags: nano.tags,
    downloadAllowed: nano.downloadAllowed,
  };
}

/** Empty licence terms are no terms (null); an emptied number field is no number. */
export function prepareValues(values: MetadataValues): unknown {
  return {
    ...values,
    durationMinutes:
      typeof values.durationMinutes === 'number' && Number.isFinite(values.durationMinutes)
        ? values.durationMinutes
        : undefined,
    licenseTerms:
      values.license === 'proprietary' && values.licenseTerms?.trim() ? values.licenseTerms : null,
  };
}
