import { Button, Text } from '@mantine/core';
import type { Nano } from '@nano/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/client.ts';
import { applyServerErrors } from '../../../shared/forms/apply-server-errors.ts';
import { useZodForm } from '../../../shared/forms/use-zod-form.ts';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { InfoAlert } from '../../../shared/ui/info-alert.tsx';
import { SuccessAlert } from '../../../shared/ui/success-alert.tsx';
import { useCreateNano } from '../api/create-nano.ts';
import { useUpdateNano } from '../api/update-nano.ts';
import { MetadataForm } from './metadata-form.tsx';
import {
  METADATA_FIELDS,
  type MetadataOutput,
  type MetadataValues,
  metadataFormSchema,
  prepareValues,
  valuesOf,
} from './metadata-schema.ts';

interface MetadataStepProps {
  /** The Nano to edit; undefined in the wizard's first step, which creates the draft. */
  nano?: Nano;
  /** Loads the Nano again (after someone else changed it). */
  reload?: () => Promise<Nano | undefined>;
  /** After the draft was created or the changes were saved. */
  onSaved: (nano: Nano, created: boolean) => void;
}

function isStale(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'precondition_failed';
}

/**
 * The metadata step: creates the draft (`POST /nanos`) or saves changes (`PATCH` with the
 * `rowVersion` the form was filled from). When someone else saved in between, the server answers
 * 412 and the user is offered to load the current state, instead of overwriting it.
 */
export function MetadataStep({ nano, reload, onSaved }: MetadataStepProps) {
  const { t } = useTranslation();
  const create = useCreateNano();
  const update = useUpdateNano();
  const [rowVersion, setRowVersion] = useState(nano?.rowVersion);
  const [reloading, setReloading] = useState(false);
  const form = useZodForm<MetadataValues, MetadataOutput>(metadataFormSchema, {
    defaultValues: valuesOf(nano),
    prepare: prepareValues,
  });
  const mutation = nano ? update : create;
  const stale = isStale(update.error);

  const submit = (values: MetadataOutput) => {
    const onError = (error: Error) => applyServerErrors(form, error, METADATA_FIELDS);
    if (!nano) {
      create.mutate(values, { onSuccess: (created) => onSaved(created, true), onError });
      return;
    }
    update.mutate(
      { id: nano.id, body: { ...values, rowVersion } },
      {
        onSuccess: (saved) => {
          setRowVersion(saved.rowVersion);
          form.reset(valuesOf(saved));
          onSaved(saved, false);
        },
        onError,
      },
    );
  };

  const loadCurrent = async () => {
    setReloading(true);
    try {
      const current = await reload?.();
      if (current) {
        setRowVersion(current.rowVersion);
        form.reset(valuesOf(current));
        update.reset();
      }
    } finally {
      setReloading(false);
    }
  };

  const readOnly = nano !== undefined && !nano.permissions.edit;
  return (
    <MetadataForm
      form={form}
      onSubmit={submit}
      submitting={mutation.isPending}
      readOnly={readOnly}
      submitLabel={nano ? t('nanoForm.save') : t('nanoForm.create')}
    >
      {readOnly && <InfoAlert title={t('nanoForm.readOnlyTitle')}>{t('nanoForm.readOnlyText')}</InfoAlert>}
      {stale ? (
        <FormErrorAlert error={update.error}>
          <Text size="sm">{t('nanoForm.staleText')}</Text>
          <Button variant="default" size="sm" onClick={() => void loadCurrent()} loading={reloading}>
            {t('nanoForm.staleReload')}
          </Button>
        </FormErrorAlert>
      ) : (
        <FormErrorAlert error={mutation.error} />
      )}
      {update.isSuccess && !form.formState.isDirty && <SuccessAlert title={t('nanoForm.saved')} />}
    </MetadataForm>
  );
}
