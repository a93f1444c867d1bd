/** The text of every page and the link targets of a PDF, as pdf.js reads them. */
export async function readPdf(bytes: Buffer): Promise<{ pages: string[]; links: string[] }> {
  const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  try {
    const pdf = await task.promise;
    const pages: string[] = [];
    const links: string[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      pages.push(
        content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join(''),
      );
      for (const annotation of await page.getAnnotations()) {
        if (annotation.subtype === 'Link' && annotation.url) {
          links.push(annotation.url);
        }
      }
    }
    return { pages, links };
  } finally {
    await task.destroy();
  }
}
