import { Code, Loader, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/form-error-alert.tsx';

/** Text files are shown up to this size; the rest is cut off (with a note). */
const TEXT_PREVIEW_BYTES = 256 * 1024;

async function loadText(url: string, signal: AbortSignal): Promise<{ text: string; truncated: boolean }> {
  const response = await fetch(url, {
    signal,
    credentials: 'same-origin',
    headers: { Range: `bytes=0-${TEXT_PREVIEW_BYTES - 1}` },
  });
  if (!response.ok) {
    throw new Error(`HTTP ${response.status}`);
  }
  const total = Number(response.headers.get('content-range')?.split('/')[1] ?? Number.NaN);
  return { text: await response.text(), truncated: response.status === 206 && total > TEXT_PREVIEW_BYTES };
}

/**
 * A text or Markdown file as preformatted plain text: never rendered as HTML, so a file cannot
 * bring markup or scripts into the page.
 */
export function TextFileViewer({ url, name }: { url: string; name: string }) {
  const { t } = useTranslation();
  const content = useQuery({
    queryKey: ['nanos', 'text', url],
    queryFn: ({ signal }) => loadText(url, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (content.isPending) {
    return <Loader size="sm" aria-label={t('app.loading')} />;
  }
  if (content.isError) {
    return <ProblemAlert title={t('viewer.textFailed')} />;
  }
  return (
    <>
      <Code
        block
        component="pre"
        tabIndex={0}
        aria-label={t('viewer.textContent', { name })}
        mah={560}
        style={{ overflow: 'auto', whiteSpace: 'pre-wrap' }}
      >
        {content.data.text}
      </Code>
      {content.data.truncated && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('viewer.textTruncated')}
        </Text>
      )}
    </>
  );
}
