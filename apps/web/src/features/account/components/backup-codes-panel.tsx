import { Alert, Button, Checkbox, CopyButton, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusOnMount } from '../../../shared/ui/use-focus-on-mount.ts';

const FILE_NAME = 'nano-marktplatz-backup-codes.txt';

/** Offers the codes as a text file (one per line, with a short heading). */
function download(codes: string[], heading: string): void {
  const blob = new Blob([`${heading}\n\n${codes.join('\n')}\n`], { type: 'text/plain;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = FILE_NAME;
  link.click();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

interface BackupCodesPanelProps {
  codes: string[];
  /** After the user confirmed having saved the codes. */
  onDone: () => void;
}

/**
 * The ten backup codes, shown this once: copy, download as .txt, and an explicit "I saved
 * them" before the panel can be closed. Takes the focus when it appears.
 */
export function BackupCodesPanel({ codes, onDone }: BackupCodesPanelProps) {
  const { t } = useTranslation();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const [saved, setSaved] = useState(false);
  const text = codes.join('\n');

  return (
    <Stack gap="md">
      <Title order={3} size="h4" ref={headingRef} tabIndex={-1}>
        {t('account.backupCodes.title')}
      </Title>
      <Alert
        color="yellow"
        variant="light"
        vars={() => ({ root: { '--alert-color': 'var(--mantine-color-dark-9)' } })}
      >
        {t('account.backupCodes.warning')}
      </Alert>
      <List
        type="ordered"
        aria-label={t('account.backupCodes.listLabel')}
        ff="monospace"
        fz="md"
        spacing={4}
        withPadding
        styles={{ root: { columns: 2, columnGap: 'var(--mantine-spacing-xl)', maxWidth: 420 } }}
      >
        {codes.map((code) => (
          <List.Item key={code}>{code}</List.Item>
        ))}
      </List>
      <Group gap="sm">
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy}>
              {copied ? t('account.backupCodes.copied') : t('account.backupCodes.copy')}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={() => download(codes, t('account.backupCodes.fileHeading'))}>
          {t('account.backupCodes.download')}
        </Button>
      </Group>
      <Text size="sm" aria-live="polite" c="dimmed">
        {t('account.backupCodes.oneUse')}
      </Text>
      <Checkbox
        label={t('account.backupCodes.confirm')}
        checked={saved}
        onChange={(event) => setSaved(event.currentTarget.checked)}
      />
      <Group>
        <Button disabled={!saved} onClick={onDone}>
          {t('account.backupCodes.done')}
        </Button>
      </Group>
    </Stack>
  );
}
