import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { LegalDocumentKind } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';

/** "Really publish?": says whether every user will be asked to accept the new version. */
export function PublishConfirmDialog({
  opened,
  kind,
  requiresAcceptance,
  pending,
  error,
  onClose,
  onConfirm,
}: {
  opened: boolean;
  kind: LegalDocumentKind;
  requiresAcceptance: boolean;
  pending: boolean;
  error: Error | null;
  onClose: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={onClose}
      title={t('privacyAdmin.legal.confirm.title', { document: t(`privacyAdmin.legal.kinds.${kind}`) })}
      centered
    >
      <Stack gap="md">
        <Text>{t('privacyAdmin.legal.confirm.text')}</Text>
        {requiresAcceptance ? (
          <Text fw={600} c="red.9">
            {t('privacyAdmin.legal.confirm.reacceptance')}
          </Text>
        ) : (
          <Text>{t('privacyAdmin.legal.confirm.noReacceptance')}</Text>
        )}
        <FormErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button color={requiresAcceptance ? 'red.9' : undefined} loading={pending} onClick={onConfirm}>
            {t('privacyAdmin.legal.confirm.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
