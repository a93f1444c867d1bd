import type { Locale } from '@nano/contracts';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** The parts of one email: paragraphs and an optional call-to-action link. */
export interface MailContent {
  subject: string;
  greeting: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Small print under the action, e.g. "If this was not you…". */
  footnote?: string;
}

const SIGNATURE: Record<Locale, string> = {
  de: 'Ihr Team vom Nano-Marktplatz',
  en: 'Your Nano-Marktplatz team',
};

/**
 * Renders an email as plain text and simple, accessible HTML (no images, no remote content,
 * every value escaped), so every module's mail looks the same.
 */
export function renderMail(
  locale: Locale,
  content: MailContent,
): { subject: string; text: string; html: string } {
  const text = [
    content.greeting,
    '',
    ...content.paragraphs.flatMap((p) => [p, '']),
    ...(content.action ? [`${content.action.label}:`, content.action.url, ''] : []),
    ...(content.footnote ? [content.footnote, ''] : []),
    SIGNATURE[locale],
  ].join('\n');
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1b1e;max-width:560px;margin:0 auto;padding:24px">
<p>${escapeHtml(content.greeting)}</p>
${content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${
  content.action
    ? `<p><a href="${escapeHtml(content.action.url)}" style="display:inline-block;background:#1c7ed6;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">${escapeHtml(content.action.label)}</a></p>
<p style="font-size:13px;color:#495057">${escapeHtml(content.action.url)}</p>`
    : ''
}
${content.footnote ? `<p style="font-size:13px;color:#495057">${escapeHtml(content.footnote)}</p>` : ''}
<p>${escapeHtml(SIGNATURE[locale])}</p>
</body></html>`;
  return { subject: content.subject, text, html };
}
