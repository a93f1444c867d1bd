import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UploadProgress as Progressed } from '../../../shared/api/upload-with-progress.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatBytes } from '../../../shared/nanos/format.ts';

/** The upload's progress bar; at 100 % the server still checks the ZIP, which is said too. */
export function UploadProgressBar({ progress, done }: { progress: Progressed; done: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const percent = progress.total > 0 ? Math.round((progress.loaded / progress.total) * 100) : 0;
  const label = t('upload.progressLabel');
  return (
    <Stack gap={4}>
      <Progress.Root size="lg">
        <Progress.Section
          value={percent}
          aria-label={label}
          aria-valuetext={`${percent} %`}
          animated={!done}
        />
      </Progress.Root>
      <Group justify="space-between">
        {/* Announced once the bytes are out, not at every percent. */}
        <Text size="sm" aria-live="polite">
          {percent < 100 ? (
            <span aria-hidden="true">{t('upload.progress', { percent })}</span>
          ) : done ? (
            t('upload.progressDone')
          ) : (
            t('upload.checking')
          )}
        </Text>
        <Text size="sm" c="dimmed">
          {`${formatBytes(progress.loaded, locale)} / ${formatBytes(progress.total, locale)}`}
        </Text>
      </Group>
    </Stack>
  );
}
