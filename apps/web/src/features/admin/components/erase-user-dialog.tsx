import { Button, Group, List, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { useEraseUser } from '../api/user-actions.ts';

interface EraseUserDialogProps {
  userId: string;
  username: string;
  opened: boolean;
  onClose: () => void;
  onErased: () => void;
}

/** What the erasure removes and what it keeps anonymously, as the dialog lists them. */
const REMOVED = ['account', 'profile', 'sessions', 'collections', 'comments'] as const;
const KEPT = ['nanos', 'ratings', 'messages', 'flags', 'records'] as const;

/**
 * "Konto löschen": the anonymising erasure cannot be undone, so the admin types the username to
 * confirm; the dialog says what goes and what stays without personal data.
 */
export function EraseUserDialog({ userId, username, opened, onClose, onErased }: EraseUserDialogProps) {
  const { t } = useTranslation();
  const erase = useEraseUser();
  const [typed, setTyped] = useState('');
  const removedId = useId();
  const keptId = useId();
  const matches = typed.trim() === username;
  const close = () => {
    erase.reset();
    setTyped('');
    onClose();
  };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={close}
      title={t('admin.erase.title', { username })}
      size="lg"
      centered
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (matches) {
            erase.mutate({ id: userId }, { onSuccess: onErased });
          }
        }}
      >
        <Stack gap="md">
          <Text>{t('admin.erase.intro')}</Text>
          <Stack gap={4} component="section" aria-labelledby={removedId}>
            <Title order={3} size="h5" id={removedId}>
              {t('admin.erase.removedTitle')}
            </Title>
            <List size="sm" spacing={2}>
              {REMOVED.map((item) => (
                <List.Item key={item}>{t(`admin.erase.removed.${item}`)}</List.Item>
              ))}
            </List>
          </Stack>
          <Stack gap={4} component="section" aria-labelledby={keptId}>
            <Title order={3} size="h5" id={keptId}>
              {t('admin.erase.keptTitle')}
            </Title>
            <List size="sm" spacing={2}>
              {KEPT.map((item) => (
                <List.Item key={item}>{t(`admin.erase.kept.${item}`)}</List.Item>
              ))}
            </List>
          </Stack>
          <TextInput
            label={t('admin.erase.confirmLabel', { username })}
            description={t('admin.erase.confirmHint')}
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            autoComplete="off"
            spellCheck={false}
            data-autofocus
          />
          <FormErrorAlert error={erase.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={erase.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red.9" loading={erase.isPending} disabled={!matches}>
              {t('admin.erase.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
