import { Box, Button, FileButton, Group, Image, Stack, Text } from '@mantine/core';
import type { Nano } from '@nano/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkImageFile, type ImageFileProblem, usePreviewUrl } from '../../../shared/forms/image-file.ts';
import { FormErrorAlert, ProblemAlert } from '../../../shared/ui/form-error-alert.tsx';
import { SuccessAlert } from '../../../shared/ui/success-alert.tsx';
import { THUMBNAIL_MAX_BYTES, THUMBNAIL_TYPES, useUploadThumbnail } from '../api/upload-thumbnail.ts';

/** 16:9 frame for the current or chosen thumbnail, or the note that one will be generated. */
function ThumbnailFrame({ src, alt }: { src: string | undefined; alt: string }) {
  const { t } = useTranslation();
  if (!src) {
    return (
      <Box w={320} h={180} bg="gray.1" p="md" style={{ borderRadius: 'var(--mantine-radius-md)' }}>
        <Text size="sm" c="dimmed">
          {t('thumbnail.generated')}
        </Text>
      </Box>
    );
  }
  return <Image src={src} alt={alt} w={320} h={180} fit="cover" radius="md" />;
}

/**
 * The optional thumbnail step: choose an image (JPEG, PNG or WebP up to 5 MB), see it, upload
 * it. Without one, the server makes a thumbnail from the first image or PDF page.
 */
export function ThumbnailStep({ nano, onNext }: { nano: Nano; onNext: () => void }) {
  const { t } = useTranslation();
  const upload = useUploadThumbnail();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<ImageFileProblem>();
  const previewUrl = usePreviewUrl(file);
  const canChange = nano.permissions.edit;

  const choose = (chosen: File | null) => {
    upload.reset();
    if (!chosen) {
      return;
    }
    const found = checkImageFile(chosen, THUMBNAIL_TYPES, THUMBNAIL_MAX_BYTES);
    setProblem(found);
    setFile(found ? null : chosen);
  };

  return (
    <Stack gap="md">
      <Text size="sm">{t('thumbnail.intro')}</Text>
      <ThumbnailFrame
        src={previewUrl ?? nano.thumbnailUrl ?? undefined}
        alt={previewUrl ? t('thumbnail.previewAlt') : t('thumbnail.currentAlt', { title: nano.title })}
      />
      {problem && (
        <ProblemAlert title={problem === 'type' ? t('thumbnail.wrongType') : t('thumbnail.tooLarge')} />
      )}
      <FormErrorAlert error={upload.error} />
      {upload.isSuccess && <SuccessAlert title={t('thumbnail.uploaded')} />}
      <Group gap="sm">
        {canChange && (
          <FileButton onChange={choose} accept={THUMBNAIL_TYPES.join(',')}>
            {(props) => (
              <Button variant="default" {...props}>
                {t('thumbnail.choose')}
              </Button>
            )}
          </FileButton>
        )}
        {file && (
          <Button
            loading={upload.isPending}
            onClick={() => upload.mutate({ nanoId: nano.id, file }, { onSuccess: () => setFile(null) })}
          >
            {t('thumbnail.upload')}
          </Button>
        )}
        <Button variant={file ? 'subtle' : 'filled'} onClick={onNext} disabled={upload.isPending}>
          {nano.thumbnailUrl || upload.isSuccess ? t('editor.next') : t('thumbnail.skip')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {t('thumbnail.hint')}
      </Text>
    </Stack>
  );
}
