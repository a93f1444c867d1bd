import { Parser } from 'htmlparser2';

/** Most PDF pages read from one file (a longer document rarely adds words worth the time). */
export const PDF_MAX_PAGES = 200;
/** A PDF that takes longer than this to read is given up (and skipped). */
export const PDF_TIMEOUT_MS = 30_000;

/** The file kinds (`nano_version_files.kind`) whose text is indexed. */
export const TEXT_KINDS = ['pdf', 'html', 'text', 'markdown'] as const;
export type TextKind = (typeof TEXT_KINDS)[number];

export function isTextKind(kind: string): kind is TextKind {
  return (TEXT_KINDS as readonly string[]).includes(kind);
}

/** Elements whose content is not text a reader sees. */
const HIDDEN_ELEMENTS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'head']);
/** Elements that separate words, so `<li>a</li><li>b</li>` does not read as "ab". */
const BLOCK_ELEMENTS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'button',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'label',
  'li',
  'main',
  'nav',
  'ol',
  'option',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'td',
  'th',
  'title',
  'tr',
  'ul',
]);

// NUL cannot be stored in PostgreSQL text; other control characters carry no words.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD]/g;
/** Soft hyphens and zero-width characters sit inside words ("Zwiebel&shy;marmelade") and must not split them. */
const INVISIBLE_CHARACTERS = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/** Text as the index takes it: without control or invisible characters, every run of white space one space. */
export function normalizeText(text: string): string {
  return text.replace(INVISIBLE_CHARACTERS, '').replace(CONTROL_CHARACTERS, ' ').replace(/\s+/g, ' ').trim();
}

/** The first `max` UTF-16 units of `text`, never ending in half a surrogate pair. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) {
    return text;
  }
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

const utf8 = new TextDecoder('utf-8');

/** The visible text of an HTML page: scripts, styles and the head dropped (except its title), entities decoded. */
export function htmlToText(html: string): string {
  const parts: string[] = [];
  let hidden = 0;
  let inTitle = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'title') {
          inTitle = true;
        } else if (HIDDEN_ELEMENTS.has(name)) {
          hidden += 1;
        } else if (hidden === 0 && name === 'img' && attributes.alt) {
          parts.push(` ${attributes.alt} `);
        }
        if (BLOCK_ELEMENTS.has(name)) {
          parts.push(' ');
        }
      },
      onclosetag(name) {
        if (name === 'title') {
          inTitle = false;
        } else if (HIDDEN_ELEMENTS.has(name)) {
          hidden = Math.max(0, hidden - 1);
        }
        if (BLOCK_ELEMENTS.has(name)) {
          parts.push(' ');
        }
      },
      ontext(text) {
        if (hidden === 0 || inTitle) {
          parts.push(text);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return parts.join('');
}

/**
 * The text of a PDF's pages in reading order as pdf.js gives it (as the viewer's own find bar
 * sees it), up to {@link PDF_MAX_PAGES} pages or until `maxChars` characters are collected.
 * Throws for a broken or password-protected file.
 */
export async function pdfToText(bytes: Uint8Array, maxChars: number): Promise<string> {
  // Loaded on first use: pdf.js is large and most processes never read a PDF.
  const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    data: bytes,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  const timer = setTimeout(() => {
    void task.destroy();
  }, PDF_TIMEOUT_MS);
  try {
    const pdf = await task.promise;
    const pages: string[] = [];
    let length = 0;
    for (let number = 1; number <= Math.min(pdf.numPages, PDF_MAX_PAGES) && length < maxChars; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const text = normalizeText(
        content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''),
      );
      page.cleanup();
      pages.push(text);
      length += text.length + 1;
    }
    return pages.join(' ');
  } finally {
    clearTimeout(timer);
    await task.destroy();
  }
}

/** The normalised text of one file of a text kind, at most `maxChars` characters. */
export async function extractText(kind: TextKind, bytes: Buffer, maxChars: number): Promise<string> {
  let text: string;
  switch (kind) {
    case 'pdf':
      // pdf.js may take over the buffer it is given: pass a copy, not a view of the caller's bytes.
      text = await pdfToText(new Uint8Array(bytes), maxChars);
      break;
    case 'html':
      text = htmlToText(utf8.decode(bytes));
      break;
    case 'text':
    case 'markdown':
      text = utf8.decode(bytes);
      break;
  }
  return truncateText(normalizeText(text), maxChars);
}
