import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import type { Nano } from '@nano/contracts';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/client.ts';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { type StatusAction, useChangeNanoStatus } from '../api/change-nano-status.ts';

/** The status actions in the order they are offered, each with the permission that allows it. */
export const STATUS_ACTIONS = [
  'submit',
  'archive',
  'restore',
  'delete',
] as const satisfies readonly StatusAction[];

/** Actions that ask before they run: deleting cannot be undone by the creator, archiving hides a live Nano. */
const CONFIRMED: ReadonlySet<StatusAction> = new Set(['archive', 'delete']);

const FIELD_LABELS: Record<string, string> = {
  title: 'nanoForm.title.label',
  description: 'nanoForm.description.label',
  durationMinutes: 'nanoForm.duration.label',
  level: 'nanoForm.level.label',
  language: 'nanoForm.language.label',
  format: 'nanoForm.format.label',
  license: 'nanoForm.license.label',
  licenseTerms: 'nanoForm.licenseTerms.label',
  categoryIds: 'nanoForm.categories.label',
  tags: 'nanoForm.tags.label',
  file: 'nanoForm.missingFile',
};

/** The fields a refused submission lists (`nano.<field>` with `required_for_submission`). */
export function missingForSubmission(error: unknown): string[] {
  if (!(error instanceof ApiError)) {
    return [];
  }
  return error.fieldErrors
    .filter((fieldError) => fieldError.field.startsWith('nano.'))
    .map((fieldError) => fieldError.field.slice('nano.'.length));
}

/** Why the last action failed; for a refused submission with the list of what is missing. */
export function StatusActionError({ error }: { error: Error | null }) {
  const { t } = useTranslation();
  const missing = missingForSubmission(error);
  return (
    <FormErrorAlert error={error}>
      {missing.length > 0 && (
        <>
          <Text size="sm">{t('nanoActions.missingIntro')}</Text>
          <List size="sm">
            {missing.map((field) => (
              <List.Item key={field}>
                {FIELD_LABELS[field] ? t(FIELD_LABELS[field] as 'nanoForm.missingFile') : field}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </FormErrorAlert>
  );
}

interface Pending {
  action: StatusAction;
  nano: Pick<Nano, 'id' | 'title'>;
}

/**
 * Runs status actions, asking first for those that need it. Render `dialog` once; `error` is
 * the last failure (shown with `StatusActionError`).
 */
export function useStatusActions({
  onDone,
}: {
  /** After success: the action, the Nano it was for, and the server's answer (null after delete). */
  onDone?: (action: StatusAction, target: Pick<Nano, 'id' | 'title'>, result: Nano | null) => void;
} = {}): {
  request: (action: StatusAction, nano: Pick<Nano, 'id' | 'title'>) => void;
  runningAction: StatusAction | undefined;
  error: Error | null;
  dialog: ReactNode;
} {
  const { t } = useTranslation();
  const mutation = useChangeNanoStatus();
  const [confirming, setConfirming] = useState<Pending>();

  const run = ({ action, nano }: Pending) => {
    mutation.mutate(
      { id: nano.id, action },
      {
        onSuccess: (result) => onDone?.(action, nano, result),
        onSettled: () => setConfirming(undefined),
      },
    );
  };
  const request = (action: StatusAction, nano: Pick<Nano, 'id' | 'title'>) => {
    mutation.reset();
    if (CONFIRMED.has(action)) {
      setConfirming({ action, nano });
      return;
    }
    run({ action, nano });
  };

  const dialog = (
    <Modal
      opened={confirming !== undefined}
      onClose={() => setConfirming(undefined)}
      title={confirming ? t(`nanoActions.confirm.${confirming.action as 'delete'}.title`) : ''}
      centered
    >
      {confirming && (
        <Stack gap="md">
          <Text>
            {t(`nanoActions.confirm.${confirming.action as 'delete'}.text`, { title: confirming.nano.title })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(undefined)} disabled={mutation.isPending}>
              {t('nanoActions.cancel')}
            </Button>
            <Button color="red.9" loading={mutation.isPending} onClick={() => run(confirming)}>
              {t(`nanoActions.confirm.${confirming.action as 'delete'}.submit`)}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );

  return {
    request,
    runningAction: mutation.isPending ? mutation.variables?.action : undefined,
    error: mutation.error,
    dialog,
  };
}
