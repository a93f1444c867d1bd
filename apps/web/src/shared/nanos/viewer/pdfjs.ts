import type { PDFDocumentLoadingTask, PDFDocumentProxy } from 'pdfjs-dist';

export type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';

let library: Promise<typeof import('pdfjs-dist')> | undefined;

/**
 * pdf.js, loaded on first use (it is large) with its worker set up. The worker is bundled as a
 * file of our own origin, because the CSP allows workers and scripts from 'self' only.
 */
function loadLibrary() {
  library ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(
    ([pdfjs, worker]) => {
      pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
      return pdfjs;
    },
  );
  return library;
}

/** A PDF being opened; `destroy()` stops loading and frees the worker's memory. */
export interface OpenedPdf {
  promise: Promise<PDFDocumentProxy>;
  destroy: () => Promise<void>;
}

/**
 * Opens the PDF at `url` (same origin, with the session cookie). pdf.js fetches it in ranges as
 * pages are needed. `isEvalSupported: false` because the CSP forbids `eval`, and fonts are
 * loaded through the FontFace API (no `data:` stylesheets, which the CSP would block).
 */
export function openPdf(url: string): OpenedPdf {
  let task: PDFDocumentLoadingTask | undefined;
  let destroyed = false;
  const promise = loadLibrary().then((pdfjs) => {
    if (destroyed) {
      throw new DOMException('closed', 'AbortError');
    }
    task = pdfjs.getDocument({ url, isEvalSupported: false, enableXfa: false });
    return task.promise;
  });
  return {
    promise,
    destroy: async () => {
      destroyed = true;
      await task?.destroy();
    },
  };
}
