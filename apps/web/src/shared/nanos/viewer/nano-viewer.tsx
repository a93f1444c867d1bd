import { Loader, Select, Stack, Tabs, Text, Title, type TitleOrder } from '@mantine/core';
import type { NanoFile, NanoVersion } from '@nano/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useNanoFiles } from '../api/get-nano-files.ts';
import { fileName, PACKAGE_ENTRY, type ViewKind, viewKindOf } from './content-url.ts';
import { FileList } from './file-list.tsx';
import { FilePreview } from './file-preview.tsx';
import { PackageFrame } from './package-frame.tsx';

/** Up to this many viewable files get tabs; more get a drop-down list. */
const MAX_TABS = 8;
const PACKAGE_VIEW = '\u0000package';

interface NanoViewerProps {
  nanoId: string;
  /** The version to show: the current one, or the pending one for its owner and moderators. */
  version: Pick<NanoVersion, 'id' | 'packageKind'>;
  title: string;
  /** The level of the viewer's and the file list's headings. */
  headingOrder: TitleOrder;
}

interface ViewOption {
  value: string;
  label: string;
}

/** Which file the viewer opens first: slides before video before pictures before text. */
const KIND_ORDER: Record<ViewKind, number> = { pdf: 0, video: 1, image: 2, audio: 3, text: 4, none: 5 };

function viewOptions(files: NanoFile[], hasPackage: boolean, packageLabel: string): ViewOption[] {
  const options = files
    .filter((file) => viewKindOf(file) !== 'none')
    .toSorted((a, b) => KIND_ORDER[viewKindOf(a)] - KIND_ORDER[viewKindOf(b)] || a.path.localeCompare(b.path))
    .map((file) => ({ value: file.path, label: fileName(file.path) }));
  return hasPackage ? [{ value: PACKAGE_VIEW, label: packageLabel }, ...options] : options;
}

/**
 * The in-browser viewer of a Nano version: the HTML/SCORM package in a sandboxed frame, PDFs,
 * images, video, audio and text files, chosen by tab (or list); and the list of all its files.
 */
export function NanoViewer({ nanoId, version, title, headingOrder }: NanoViewerProps) {
  const { t } = useTranslation();
  const files = useNanoFiles(nanoId, version.id);
  const [chosen, setChosen] = useState<string | null>(null);
  const viewerHeadingId = useId();
  const filesHeadingId = useId();

  if (files.isPending) {
    return <Loader size="sm" aria-label={t('viewer.loading')} />;
  }
  if (files.isError) {
    return (
      <ErrorAlert
        error={files.error}
        message={t('viewer.filesError')}
        onRetry={() => void files.refetch()}
        retrying={files.isFetching}
      />
    );
  }
  const items = files.data.items;
  const hasPackage = version.packageKind !== null && items.some((file) => file.path === PACKAGE_ENTRY);
  const options = viewOptions(items, hasPackage, t('viewer.package'));
  const selected = options.find((option) => option.value === chosen) ?? options[0];
  const selectedFile = items.find((file) => file.path === selected?.value);

  const preview = () => {
    if (selected?.value === PACKAGE_VIEW) {
      return <PackageFrame nanoId={nanoId} versionId={version.id} title={title} />;
    }
    if (selectedFile) {
      return <FilePreview nanoId={nanoId} versionId={version.id} file={selectedFile} files={items} />;
    }
    return (
      <Text>
        {version.packageKind === 'scorm' ? t('viewer.scormWithoutEntry') : t('viewer.nothingToShow')}
      </Text>
    );
  };

  return (
    <Stack gap="xl">
      <Stack component="section" aria-labelledby={viewerHeadingId} gap="sm">
        <Title order={headingOrder} id={viewerHeadingId}>
          {t('viewer.title')}
        </Title>
        {options.length > MAX_TABS && (
          <Select
            label={t('viewer.chooseFile')}
            data={options}
            value={selected?.value ?? null}
            onChange={setChosen}
            allowDeselect={false}
            searchable
            maw={420}
          />
        )}
        {options.length > 1 && options.length <= MAX_TABS ? (
          <Tabs value={selected?.value ?? null} onChange={setChosen} keepMounted={false}>
            <Tabs.List aria-label={t('viewer.chooseFile')}>
              {options.map((option) => (
                <Tabs.Tab key={option.value} value={option.value}>
                  {option.label}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {options.map((option) => (
              <Tabs.Panel key={option.value} value={option.value} pt="md">
                {option.value === selected?.value && preview()}
              </Tabs.Panel>
            ))}
          </Tabs>
        ) : (
          preview()
        )}
      </Stack>
      <Stack component="section" aria-labelledby={filesHeadingId} gap="sm">
        <Title order={headingOrder} id={filesHeadingId}>
          {t('viewer.filesTitle', { count: items.length })}
        </Title>
        <FileList files={items} caption={t('viewer.filesCaption', { title })} />
      </Stack>
    </Stack>
  );
}
