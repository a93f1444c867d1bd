import { Button, Group, Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { NANO_LIMITS, type Nano } from '@nano/contracts';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/client.ts';
import { type UploadProgress, UploadRejectedError } from '../../../shared/api/upload-with-progress.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatBytes, formatDateTime } from '../../../shared/nanos/format.ts';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { InfoAlert } from '../../../shared/ui/info-alert.tsx';
import { SuccessAlert } from '../../../shared/ui/success-alert.tsx';
import { useUploadVersion } from '../api/upload-version.ts';
import { UploadProblemList } from './upload-problem-list.tsx';
import { UploadProgressBar } from './upload-progress.tsx';
import { ZipDropzone } from './zip-dropzone.tsx';

/** Statuses in which the server takes a new file (a draft's file, or a new version of a live Nano). */
const UPLOADABLE = new Set<Nano['status']>(['draft', 'changes_requested', 'published']);

function changelogError(error: unknown): string | undefined {
  if (!(error instanceof ApiError)) {
    return undefined;
  }
  return error.fieldErrors.find((fieldError) => fieldError.field === 'body.changelog')?.message;
}

/** What is uploaded so far: the file in the works (or under review), else the published one. */
function CurrentFile({ nano }: { nano: Nano }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const version = nano.pendingVersion ?? nano.currentVersion;
  if (!version) {
    return <Text c="dimmed">{t('upload.noFileYet')}</Text>;
  }
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="sm" fw={600}>
        {nano.pendingVersion
          ? t('upload.currentDraftFile')
          : t('upload.currentPublishedFile', { semver: version.semver })}
      </Text>
      <Text size="sm">
        {t('upload.fileSummary', {
          count: version.fileCount,
          size: formatBytes(version.sizeBytes, locale),
          date: formatDateTime(version.createdAt, locale),
        })}
      </Text>
    </Paper>
  );
}

/**
 * The ZIP step: drop or choose the file, (for a published Nano) say what changed and how big the
 * change is, and upload it with a real progress bar. A refused ZIP lists the problem of every
 * offending entry.
 */
export function FileStep({ nano, onNext }: { nano: Nano; onNext: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const upload = useUploadVersion();
  const [file, setFile] = useState<File>();
  const [changelog, setChangelog] = useState('');
  const [bump, setBump] = useState<'minor' | 'major'>('minor');
  const [progress, setProgress] = useState<UploadProgress>();
  const [changelogMissing, setChangelogMissing] = useState(false);
  const abort = useRef<AbortController>(undefined);
  const bumpLabelId = useId();
  const isUpdate = nano.currentVersion !== null;
  const underReview = nano.pendingVersion?.status === 'pending_review';

  // Right after uploading a new version it is under review: the result stays on screen.
  const locked = !UPLOADABLE.has(nano.status) || underReview;
  if (locked && !upload.isSuccess) {
    return (
      <Stack gap="md">
        <CurrentFile nano={nano} />
        <InfoAlert title={t('upload.lockedTitle')}>{t('upload.lockedText')}</InfoAlert>
        <Group>
          <Button onClick={onNext}>{t('editor.next')}</Button>
        </Group>
      </Stack>
    );
  }

  const start = () => {
    if (!file) {
      return;
    }
    if (isUpdate && !changelog.trim()) {
      setChangelogMissing(true);
      return;
    }
    setChangelogMissing(false);
    abort.current = new AbortController();
    setProgress({ loaded: 0, total: file.size });
    upload.mutate(
      {
        nanoId: nano.id,
        file,
        changelog: isUpdate ? changelog : undefined,
        bump: isUpdate ? bump : undefined,
        onProgress: setProgress,
        signal: abort.current.signal,
      },
      {
        onSuccess: () => {
          setFile(undefined);
          setProgress((last) => last && { loaded: last.total, total: last.total });
        },
        onError: () => setProgress(undefined),
      },
    );
  };

  const serverChangelogError = changelogError(upload.error);
  const rejected = upload.error instanceof UploadRejectedError ? upload.error : undefined;
  const cancelled = upload.error instanceof DOMException && upload.error.name === 'AbortError';

  return (
    <Stack gap="md">
      <CurrentFile nano={nano} />
      {!locked && (
        <>
          <Text size="sm">{isUpdate ? t('upload.introUpdate') : t('upload.intro')}</Text>
          <ZipDropzone
            disabled={upload.isPending}
            onChoose={(chosen) => {
              upload.reset();
              setProgress(undefined);
              setFile(chosen);
            }}
          />
          {file && (
            <Text size="sm" fw={600}>
              {t('upload.chosen', { name: file.name, size: formatBytes(file.size, locale) })}
            </Text>
          )}
          {isUpdate && (
            <>
              <Textarea
                label={t('upload.changelogLabel')}
                description={t('upload.changelogHint')}
                required
                autosize
                minRows={2}
                maxLength={NANO_LIMITS.changelogMax}
                value={changelog}
                onChange={(event) => setChangelog(event.currentTarget.value)}
                error={changelogMissing ? t('validation.required') : serverChangelogError}
              />
              <Stack gap={4}>
                <Text size="sm" fw={500} id={bumpLabelId}>
                  {t('upload.bumpLabel')}
                </Text>
                <SegmentedControl
                  aria-labelledby={bumpLabelId}
                  value={bump}
                  onChange={(value) => setBump(value === 'major' ? 'major' : 'minor')}
                  data={[
                    { value: 'minor', label: t('upload.bumpMinor') },
                    { value: 'major', label: t('upload.bumpMajor') },
                  ]}
                />
              </Stack>
            </>
          )}
        </>
      )}
      {progress && <UploadProgressBar progress={progress} done={upload.isSuccess} />}
      {rejected ? (
        <FormErrorAlert error={rejected}>
          <UploadProblemList problems={rejected.problems} />
        </FormErrorAlert>
      ) : (
        !cancelled && !serverChangelogError && <FormErrorAlert error={upload.error} />
      )}
      {upload.isSuccess && (
        <SuccessAlert title={t('upload.done')}>
          {isUpdate ? t('upload.doneUpdate') : t('upload.doneDraft')}
        </SuccessAlert>
      )}
      <Group>
        {upload.isPending ? (
          <Button variant="default" onClick={() => abort.current?.abort()}>
            {t('upload.cancel')}
          </Button>
        ) : (
          <Button onClick={start} disabled={!file || locked}>
            {t('upload.submit')}
          </Button>
        )}
        <Button variant={upload.isSuccess ? 'filled' : 'subtle'} onClick={onNext} disabled={upload.isPending}>
          {t('editor.next')}
        </Button>
      </Group>
    </Stack>
  );
}
