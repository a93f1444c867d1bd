import { Avatar, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import type { Profile } from '@nano/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkImageFile, type ImageFileProblem, usePreviewUrl } from '../../../shared/forms/image-file.ts';
import { FormErrorAlert, ProblemAlert } from '../../../shared/ui/form-error-alert.tsx';
import { SuccessAlert } from '../../../shared/ui/success-alert.tsx';
import { UserAvatar } from '../../../shared/ui/user-avatar.tsx';
import { useDeleteAvatar } from '../api/delete-avatar.ts';
import { AVATAR_MAX_BYTES, AVATAR_TYPES, useUploadAvatar } from '../api/upload-avatar.ts';

/** Profile picture: choose a file, check it, preview it, upload it; or remove the current one. */
export function AvatarSection({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setImageFileProblem] = useState<ImageFileProblem>();
  const previewUrl = usePreviewUrl(file);
  const upload = useUploadAvatar();
  const remove = useDeleteAvatar();

  const choose = (chosen: File | null) => {
    upload.reset();
    remove.reset();
    if (!chosen) {
      return;
    }
    const problem = checkImageFile(chosen, AVATAR_TYPES, AVATAR_MAX_BYTES);
    setImageFileProblem(problem);
    setFile(problem ? null : chosen);
  };

  const save = () => {
    if (file) {
      upload.mutate(file, { onSuccess: () => setFile(null) });
    }
  };

  return (
    <Stack gap="md">
      <Group gap="lg" align="center" wrap="nowrap">
        {previewUrl ? (
          <Avatar src={previewUrl} size={96} radius="50%" alt={t('account.avatar.previewAlt')} />
        ) : (
          <UserAvatar name={profile.displayName} url={profile.avatarUrl} size={96} />
        )}
        <Stack gap="xs">
          <Group gap="sm">
            <FileButton onChange={choose} accept={AVATAR_TYPES.join(',')}>
              {(props) => (
                <Button variant="default" {...props}>
                  {t('account.avatar.choose')}
                </Button>
              )}
            </FileButton>
            {profile.avatarUrl && !file && (
              <Button variant="subtle" color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
                {t('account.avatar.remove')}
              </Button>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {t('account.avatar.hint')}
          </Text>
        </Stack>
      </Group>
      {fileProblem && (
        <ProblemAlert
          title={fileProblem === 'type' ? t('account.avatar.wrongType') : t('account.avatar.tooLarge')}
        />
      )}
      <FormErrorAlert error={upload.error ?? remove.error} />
      {upload.isSuccess && <SuccessAlert title={t('account.avatar.uploaded')} />}
      {remove.isSuccess && <SuccessAlert title={t('account.avatar.removed')} />}
      {file && (
        <Group gap="sm">
          <Text size="sm">{t('account.avatar.chosen', { name: file.name })}</Text>
          <Button loading={upload.isPending} onClick={save}>
            {t('account.avatar.upload')}
          </Button>
          <Button variant="subtle" onClick={() => setFile(null)} disabled={upload.isPending}>
            {t('account.avatar.cancel')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
