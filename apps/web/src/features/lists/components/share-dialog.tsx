import { Button, CopyButton, Divider, Group, Modal, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { useShareList } from '../api/share-list.ts';

type Done = 'shared' | 'rotated' | 'revoked';

/** The link as the visitor will use it (the server may send it relative to this site). */
function absoluteUrl(url: string): string {
  return new URL(url, window.location.origin).href;
}

interface ShareDialogProps {
  listId: string;
  /** The current read-only link, or null while sharing is off. */
  shareUrl: string | null;
  opened: boolean;
  onClose: () => void;
}

/**
 * "Liste teilen": sharing on or off, the read-only link to copy, a new link (the old one stops
 * working) and ending the sharing. What happened is announced politely.
 */
export function ShareDialog({ listId, shareUrl, opened, onClose }: ShareDialogProps) {
  const { t } = useTranslation();
  const share = useShareList(listId);
  const [done, setDone] = useState<Done>();
  const run = (action: 'share' | 'rotate' | 'revoke') => {
    setDone(undefined);
    share.mutate(action, {
      onSuccess: () => setDone(action === 'share' ? 'shared' : action === 'rotate' ? 'rotated' : 'revoked'),
    });
  };
  const close = () => {
    share.reset();
    setDone(undefined);
    onClose();
  };
  const link = shareUrl ? absoluteUrl(shareUrl) : null;

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('lists.form.close') }}
      opened={opened}
      onClose={close}
      title={t('lists.share.title')}
      centered
      size="lg"
    >
      <Stack gap="md">
        <Text size="sm">{t('lists.share.intro')}</Text>
        <FormErrorAlert error={share.error} />
        <Switch
          label={t('lists.share.switch')}
          checked={link !== null}
          disabled={share.isPending}
          onChange={(event) => run(event.currentTarget.checked ? 'share' : 'revoke')}
        />
        {link && (
          <>
            <Group gap="sm" align="flex-end" wrap="nowrap">
              <TextInput
                label={t('lists.share.link')}
                value={link}
                readOnly
                onFocus={(event) => event.currentTarget.select()}
                style={{ flex: 1 }}
              />
              <CopyButton value={link}>
                {({ copied, copy }) => (
                  <Button
                    variant={copied ? 'filled' : 'default'}
                    color={copied ? 'teal.9' : undefined}
                    onClick={copy}
                  >
                    {copied ? t('lists.share.copied') : t('lists.share.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Divider />
            <Stack gap={4} align="flex-start">
              <Button
                variant="default"
                loading={share.isPending && share.variables === 'rotate'}
                onClick={() => run('rotate')}
              >
                {t('lists.share.rotate')}
              </Button>
              <Text size="xs" c="dimmed">
                {t('lists.share.rotateHint')}
              </Text>
            </Stack>
            <Group>
              <Button
                variant="default"
                color="red.9"
                loading={share.isPending && share.variables === 'revoke'}
                onClick={() => run('revoke')}
              >
                {t('lists.share.revoke')}
              </Button>
            </Group>
          </>
        )}
        <Text size="sm" role="status" fw={500}>
          {done ? t(`lists.share.done.${done}`) : ''}
        </Text>
        <Group justify="flex-end">
          <Button onClick={close}>{t('lists.form.close')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
