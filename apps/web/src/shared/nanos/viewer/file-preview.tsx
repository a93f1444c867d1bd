import { Image, Text } from '@mantine/core';
import type { NanoFile } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { captionsFor, contentUrl, fileName, viewKindOf } from './content-url.ts';
import { PdfViewer } from './pdf-viewer.tsx';
import { TextFileViewer } from './text-file-viewer.tsx';

interface FilePreviewProps {
  nanoId: string;
  versionId: string;
  file: NanoFile;
  /** Every file of the version, to find caption tracks for video and audio. */
  files: readonly NanoFile[];
}

/** One file of a Nano, shown the way its kind allows. */
export function FilePreview({ nanoId, versionId, file, files }: FilePreviewProps) {
  const { t } = useTranslation();
  const url = contentUrl(nanoId, versionId, file.path);
  const name = fileName(file.path);
  const tracks = captionsFor(file, files).map(({ file: caption, language }, index) => (
    <track
      key={caption.path}
      kind="captions"
      src={contentUrl(nanoId, versionId, caption.path)}
      srcLang={language ?? undefined}
      label={language ? language.toUpperCase() : t('viewer.captions')}
      default={index === 0}
    />
  ));
  switch (viewKindOf(file)) {
    case 'pdf':
      return <PdfViewer url={url} name={name} />;
    case 'image':
      return <Image src={url} alt={t('viewer.imageAlt', { name })} fit="contain" mah={600} radius="sm" />;
    case 'video':
      return (
        // biome-ignore lint/a11y/useMediaCaption: tracks come from the Nano's .vtt files when it has any (captionsFor).
        <video
          controls
          preload="metadata"
          src={url}
          aria-label={t('viewer.videoLabel', { name })}
          style={{ width: '100%', maxHeight: 600 }}
        >
          {tracks}
        </video>
      );
    case 'audio':
      return (
        // biome-ignore lint/a11y/useMediaCaption: tracks come from the Nano's .vtt files when it has any (captionsFor).
        <audio controls preload="metadata" src={url} aria-label={t('viewer.audioLabel', { name })}>
          {tracks}
        </audio>
      );
    case 'text':
      return <TextFileViewer url={url} name={name} />;
    case 'none':
      return <Text>{t('viewer.noPreview')}</Text>;
  }
}
