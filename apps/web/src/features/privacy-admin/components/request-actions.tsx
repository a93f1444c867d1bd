import { Button, Group, Stack, Text } from '@mantine/core';
import type { PrivacyRequest } from '@nano/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { useRunPrivacyExport } from '../api/privacy-request-actions.ts';
import { RunErasureDialog, UpdateRequestDialog } from './request-dialogs.tsx';

type Dialog = 'erasure' | 'update';

/** Whether the request still waits for handling. */
export function isPending(request: PrivacyRequest): boolean {
  return request.status === 'open' || request.status === 'in_progress';
}

/**
 * The actions of one request row: "Export erstellen" for exports, "Löschung ausführen" for
 * erasures (while open and the account exists), "Bearbeiten" (status and note) for every type.
 */
export function RequestActions({
  request,
  onNotice,
}: {
  request: PrivacyRequest;
  onNotice: (text: string) => void;
}) {
  const { t } = useTranslation();
  const runExport = useRunPrivacyExport();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const actionable = isPending(request) && request.user !== null;
  const exportId = runExport.data?.exportId ?? request.exportId;
  const label = t(`privacyAdmin.type.${request.type}`);

  return (
    <Stack gap={6} align="flex-start">
      <Group gap="xs" wrap="nowrap">
        {request.type === 'export' && actionable && (
          <Button
            size="xs"
            variant="default"
            loading={runExport.isPending}
            disabled={runExport.isSuccess}
            onClick={() => runExport.mutate({ id: request.id })}
          >
            {t('privacyAdmin.actions.runExport')}
          </Button>
        )}
        {request.type === 'erasure' && actionable && (
          <Button size="xs" color="red.9" onClick={() => setDialog('erasure')}>
            {t('privacyAdmin.actions.runErasure')}
          </Button>
        )}
        <Button
          size="xs"
          variant="subtle"
          onClick={() => setDialog('update')}
          aria-label={t('privacyAdmin.actions.updateOf', { type: label })}
        >
          {t('privacyAdmin.actions.update')}
        </Button>
      </Group>
      {exportId && (
        <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
          {t('privacyAdmin.actions.exportId', { id: exportId })}
        </Text>
      )}
      {runExport.isSuccess && (
        <Text size="xs" role="status">
          {t('privacyAdmin.actions.exportStarted')}
        </Text>
      )}
      <FormErrorAlert error={runExport.error} />
      <RunErasureDialog
        request={request}
        opened={dialog === 'erasure'}
        onClose={close}
        onDone={() => onNotice(t('privacyAdmin.notices.erased', { name: request.user?.displayName ?? '' }))}
      />
      {dialog === 'update' && (
        <UpdateRequestDialog
          request={request}
          opened
          onClose={close}
          onDone={() => onNotice(t('privacyAdmin.notices.updated', { type: label }))}
        />
      )}
    </Stack>
  );
}
