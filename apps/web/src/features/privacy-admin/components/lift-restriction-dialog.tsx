import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { PRIVACY_LIMITS } from '@nano/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { useLiftRestriction } from '../api/lift-restriction.ts';

/**
 * "Einschränkung aufheben": ends an Art. 18 restriction (the account can sign in and its content
 * shows again), with an optional note for the audit log. Used on the inventory and the admin user page.
 */
export function LiftRestrictionDialog({
  userId,
  name,
  opened,
  onClose,
  onDone,
}: {
  userId: string;
  name: string;
  opened: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const lift = useLiftRestriction();
  const [note, setNote] = useState('');
  const close = () => {
    lift.reset();
    setNote('');
    onClose();
  };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={close}
      title={t('privacyAdmin.lift.title', { name })}
      centered
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          lift.mutate(
            { id: userId, body: note.trim() ? { note: note.trim() } : {} },
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
          <Text size="sm">{t('privacyAdmin.lift.intro')}</Text>
          <Textarea
            label={t('privacyAdmin.lift.note')}
            description={t('privacyAdmin.lift.noteHint')}
            autosize
            minRows={2}
            maxLength={PRIVACY_LIMITS.requestNoteMax}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
          />
          <FormErrorAlert error={lift.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={lift.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={lift.isPending}>
              {t('privacyAdmin.lift.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
