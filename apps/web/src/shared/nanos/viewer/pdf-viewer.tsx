import { Box, Button, Group, Loader, Text, VisuallyHidden } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/form-error-alert.tsx';
import { openPdf, type PDFDocumentProxy } from './pdfjs.ts';

/** Pages are drawn no wider than this, so that text stays sharp without huge canvases. */
const MAX_PAGE_WIDTH = 960;

type Status = 'loading' | 'ready' | 'failed';

/** Opens the PDF at `url`; the document, or whether it failed. */
function usePdfDocument(url: string) {
  const [document, setDocument] = useState<PDFDocumentProxy>();
  const [status, setStatus] = useState<Status>('loading');
  useEffect(() => {
    setDocument(undefined);
    setStatus('loading');
    const opened = openPdf(url);
    let active = true;
    opened.promise.then(
      (loaded) => {
        if (active) {
          setDocument(loaded);
          setStatus('ready');
        }
      },
      () => {
        if (active) {
          setStatus('failed');
        }
      },
    );
    return () => {
      active = false;
      void opened.destroy();
    };
  }, [url]);
  return { document, status };
}

/**
 * Draws one page into the canvas at the container's width (sharp on high-density screens) and
 * returns its text, which screen readers get instead of the picture.
 */
function usePageRendering(
  document: PDFDocumentProxy | undefined,
  pageNumber: number,
  width: number,
  canvas: HTMLCanvasElement | null,
) {
  const [text, setText] = useState('');
  const [rendering, setRendering] = useState(false);
  useEffect(() => {
    if (!document || !canvas || width <= 0) {
      return;
    }
    let cancelled = false;
    let cancelRender: (() => void) | undefined;
    setRendering(true);
    const draw = async () => {
      const page = await document.getPage(pageNumber);
      const base = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: Math.min(width, MAX_PAGE_WIDTH) / base.width });
      const density = window.devicePixelRatio || 1;
      canvas.width = Math.floor(viewport.width * density);
      canvas.height = Math.floor(viewport.height * density);
      canvas.style.width = `${Math.floor(viewport.width)}px`;
      canvas.style.height = `${Math.floor(viewport.height)}px`;
      const task = page.render({
        canvas,
        viewport,
        transform: density === 1 ? undefined : [density, 0, 0, density, 0, 0],
      });
      cancelRender = () => task.cancel();
      await task.promise;
      const content = await page.getTextContent();
      if (!cancelled) {
        setText(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
      }
    };
    draw()
      .catch(() => {
        // A render cancelled by the next page or a resize is expected; a broken page shows blank.
      })
      .finally(() => {
        if (!cancelled) {
          setRendering(false);
        }
      });
    return () => {
      cancelled = true;
      cancelRender?.();
    };
  }, [document, pageNumber, width, canvas]);
  return { text, rendering };
}

/** A PDF rendered by pdf.js, one page at a time, with page navigation and the page text for screen readers. */
export function PdfViewer({ url, name }: { url: string; name: string }) {
  const { t } = useTranslation();
  const { document, status } = usePdfDocument(url);
  const [pageNumber, setPageNumber] = useState(1);
  const [canvas, setCanvas] = useState<HTMLCanvasElement | null>(null);
  const { ref: sizeRef, width } = useElementSize();
  const { text, rendering } = usePageRendering(document, pageNumber, width, canvas);
  const pageCount = document?.numPages ?? 0;
  const textId = useId();
  const previousUrl = useRef(url);

  useEffect(() => {
    if (previousUrl.current !== url) {
      previousUrl.current = url;
      setPageNumber(1);
    }
  }, [url]);

  if (status === 'failed') {
    return <ProblemAlert title={t('viewer.pdfFailed')} />;
  }
  const pageLabel = t('viewer.pageOf', { page: pageNumber, count: pageCount });
  return (
    <Box>
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Group gap="xs">
          <Button
            variant="default"
            size="xs"
            onClick={() => setPageNumber((page) => page - 1)}
            disabled={pageNumber <= 1 || !document}
          >
            {t('viewer.previousPage')}
          </Button>
          <Button
            variant="default"
            size="xs"
            onClick={() => setPageNumber((page) => page + 1)}
            disabled={pageNumber >= pageCount || !document}
          >
            {t('viewer.nextPage')}
          </Button>
        </Group>
        <Text size="sm" aria-live="polite">
          {document ? pageLabel : t('viewer.pdfLoading')}
        </Text>
      </Group>
      <Box ref={sizeRef} pos="relative" bg="gray.1" p={0} mih={200}>
        {(status === 'loading' || rendering) && (
          <Loader size="sm" pos="absolute" top={12} right={12} aria-hidden="true" />
        )}
        <canvas
          ref={setCanvas}
          role="img"
          aria-label={t('viewer.pdfPage', { name, page: pageLabel })}
          aria-describedby={text ? textId : undefined}
          data-page={pageNumber}
        />
        {text && <VisuallyHidden id={textId}>{text}</VisuallyHidden>}
      </Box>
    </Box>
  );
}
