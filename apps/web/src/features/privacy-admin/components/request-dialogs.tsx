import { Button, Group, List, Modal, Radio, Select, Stack, Text, Textarea } from '@mantine/core';
import {
  ERASURE_NANO_CHOICES,
  type ErasureNanoChoice,
  PRIVACY_LIMITS,
  PRIVACY_REQUEST_STATUSES,
  type PrivacyRequest,
  type PrivacyRequestStatus,
} from '@nano/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { useRunPrivacyErasure, useUpdatePrivacyRequest } from '../api/privacy-request-actions.ts';

interface RequestDialogProps {
  request: PrivacyRequest;
  opened: boolean;
  onClose: () => void;
  /** After the action succeeded (the dialog closes itself). */
  onDone: () => void;
}

/** What an erasure keeps and removes, as the confirmation lists it. */
const ERASURE_EFFECTS = ['account', 'collections', 'ratings', 'chats', 'audit'] as const;

/**
 * "Löschung ausführen": the admin confirms an erasure received by email or letter. It runs at
 * once (the user's own 7-day cancellation window does not apply), so the dialog says what
 * happens and asks what becomes of the published Nanos.
 */
export function RunErasureDialog({ request, opened, onClose, onDone }: RequestDialogProps) {
  const { t } = useTranslation();
  const erase = useRunPrivacyErasure();
  const [nanos, setNanos] = useState<ErasureNanoChoice | null>(null);
  const close = () => {
    erase.reset();
    setNanos(null);
    onClose();
  };
  const name = request.user?.displayName ?? t('privacyAdmin.erasedUser');
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={close}
      title={t('privacyAdmin.erasure.title', { name })}
      size="lg"
      centered
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (nanos) {
            erase.mutate(
              { id: request.id, nanos },
              {
                onSuccess: () => {
                  close();
                  onDone();
                },
              },
            );
          }
        }}
      >
        <Stack gap="md">
          <Text>{t('privacyAdmin.erasure.intro')}</Text>
          <List size="sm" spacing={2}>
            {ERASURE_EFFECTS.map((effect) => (
              <List.Item key={effect}>{t(`privacyAdmin.erasure.effects.${effect}`)}</List.Item>
            ))}
          </List>
          <Radio.Group
            label={t('privacyAdmin.erasure.nanosLabel')}
            description={t('privacyAdmin.erasure.nanosHint')}
            value={nanos}
            onChange={(value) => setNanos(value as ErasureNanoChoice)}
            required
          >
            <Stack gap="xs" mt="xs">
              {ERASURE_NANO_CHOICES.map((choice) => (
                <Radio key={choice} value={choice} label={t(`privacyAdmin.erasure.nanos.${choice}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <Text size="sm" fw={600}>
            {t('privacyAdmin.erasure.irreversible')}
          </Text>
          <FormErrorAlert error={erase.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={erase.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red.9" loading={erase.isPending} disabled={!nanos}>
              {t('privacyAdmin.erasure.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** "Bearbeiten": the request's status (e.g. done after a rectification, rejected with reason) and its note. */
export function UpdateRequestDialog({ request, opened, onClose, onDone }: RequestDialogProps) {
  const { t } = useTranslation();
  const update = useUpdatePrivacyRequest();
  const [status, setStatus] = useState<PrivacyRequestStatus>(request.status);
  const [note, setNote] = useState(request.note ?? '');
  const close = () => {
    update.reset();
    onClose();
  };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={close}
      title={t('privacyAdmin.update.title', { type: t(`privacyAdmin.type.${request.type}`) })}
      centered
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          update.mutate(
            { id: request.id, body: { status, note: note.trim() } },
            {
              onSuccess: () => {
                close();
                onDone();
              },
            },
          );
        }}
      >
        <Stack gap="md">
          <Select
            label={t('privacyAdmin.update.status')}
            data={PRIVACY_REQUEST_STATUSES.map((value) => ({
              value,
              label: t(`privacyAdmin.status.${value}`),
            }))}
            value={status}
            onChange={(value) => value && setStatus(value as PrivacyRequestStatus)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: false }}
          />
          <Textarea
            label={t('privacyAdmin.update.note')}
            description={t('privacyAdmin.update.noteHint')}
            autosize
            minRows={3}
            maxLength={PRIVACY_LIMITS.requestNoteMax}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
          />
          <FormErrorAlert error={update.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={update.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('privacyAdmin.update.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
