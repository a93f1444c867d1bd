import { Group, Stack, Text } from '@mantine/core';
import { Dropzone, type FileRejection } from '@mantine/dropzone';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatBytes } from '../../../shared/nanos/format.ts';
import { ProblemAlert } from '../../../shared/ui/form-error-alert.tsx';
import { UploadIcon } from '../../../shared/ui/icons.tsx';
import { ZIP_MAX_BYTES } from '../api/upload-version.ts';

/** Browsers name a ZIP differently (Windows says `x-zip-compressed`); the extension decides too. */
const ZIP_ACCEPT = {
  'application/zip': ['.zip'],
  'application/x-zip-compressed': ['.zip'],
  'application/x-zip': ['.zip'],
};

interface ZipDropzoneProps {
  onChoose: (file: File) => void;
  disabled?: boolean;
}

/** Drag & drop (or click, or Enter) to choose one ZIP of at most 100 MB; other files are refused at once. */
export function ZipDropzone({ onChoose, disabled }: ZipDropzoneProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [refused, setRefused] = useState<'size' | 'type'>();

  const reject = (rejections: FileRejection[]) => {
    const codes = rejections.flatMap((rejection) => rejection.errors.map((error) => error.code));
    setRefused(codes.includes('file-too-large') ? 'size' : 'type');
  };

  return (
    <Stack gap="sm">
      <Dropzone
        onDrop={(files) => {
          setRefused(undefined);
          const [file] = files;
          if (file) {
            onChoose(file);
          }
        }}
        onReject={reject}
        accept={ZIP_ACCEPT}
        maxSize={ZIP_MAX_BYTES}
        multiple={false}
        disabled={disabled}
        aria-label={t('upload.dropzoneLabel')}
        inputProps={{ 'aria-label': t('upload.dropzoneLabel') }}
      >
        <Group justify="center" mih={140} style={{ pointerEvents: 'none' }}>
          <Stack gap={4} align="center">
            <Text c="blue.8" lh={0}>
              <UploadIcon size={36} />
            </Text>
            <Text fw={600} ta="center">
              {t('upload.dropzoneTitle')}
            </Text>
            <Text size="sm" c="dimmed" ta="center">
              {t('upload.dropzoneHint', { max: formatBytes(ZIP_MAX_BYTES, locale) })}
            </Text>
          </Stack>
        </Group>
      </Dropzone>
      {refused && (
        <ProblemAlert
          title={
            refused === 'size'
              ? t('upload.tooLarge', { max: formatBytes(ZIP_MAX_BYTES, locale) })
              : t('upload.notZip')
          }
        />
      )}
    </Stack>
  );
}
