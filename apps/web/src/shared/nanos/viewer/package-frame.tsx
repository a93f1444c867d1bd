import { Box } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { contentUrl, PACKAGE_ENTRY } from './content-url.ts';

/**
 * An HTML or SCORM package in a sandboxed iframe: scripts and forms run, but in an opaque origin
 * (no `allow-same-origin`), so the package can neither read the platform's cookies nor act for
 * the user. The server adds a sandbox CSP to the package's files as well.
 */
export function PackageFrame({
  nanoId,
  versionId,
  title,
}: {
  nanoId: string;
  versionId: string;
  title: string;
}) {
  const { t } = useTranslation();
  return (
    <Box
      bd="1px solid var(--mantine-color-default-border)"
      style={{ borderRadius: 'var(--mantine-radius-sm)' }}
    >
      <iframe
        src={contentUrl(nanoId, versionId, PACKAGE_ENTRY)}
        title={t('viewer.packageTitle', { title })}
        sandbox="allow-scripts allow-forms"
        referrerPolicy="same-origin"
        loading="lazy"
        style={{ width: '100%', height: 600, border: 0, display: 'block' }}
      />
    </Box>
  );
}
