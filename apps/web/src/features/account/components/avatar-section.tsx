import { Avatar, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import type { Profile } from '@nano/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert, ProblemAlert } from '../../../shared/ui/form-error-alert.tsx';
import { SuccessAlert } from '../../../shared/ui/success-alert.tsx';
import { UserAvatar } from '../../../shared/ui/user-avatar.tsx';
import { useDeleteAvatar } from '../api/delete-avatar.ts';
import { AVATAR_MAX_BYTES, AVATAR_TYPES, useUploadAvatar } from '../api/upload-avatar.ts';

type FileProblem = 'type' | 'size';

function checkFile(file: File): FileProblem | undefined {
  if (!(AVATAR_TYPES as readonly string[]).includes(file.type)) {
    return 'type';
  }
  return file.size > AVATAR_MAX_BYTES ? 'size' : undefined;
}

/** A local preview of the chosen file (a blob: URL, revoked when no longer shown). */
function usePreviewUrl(file: File | null): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!file) {
      setUrl(undefined);
      return;
    }
    const objectUrl = URL.createObjectURL(file);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [file]);
  return url;
}

/** Profile picture: choose a file, check it, preview it, upload it; or remove the current one. */
export function AvatarSection({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<FileProblem>();
  const previewUrl = usePreviewUrl(file);
  const upload = useUploadAvatar();
  const remove = useDeleteAvatar();

  const choose = (chosen: File | null) => {
    upload.reset();
    remove.reset();
    if (!chosen) {
      return;
    }
    const problem = checkFile(chosen);
    setFileProblem(problem);
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
