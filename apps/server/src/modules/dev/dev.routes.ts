import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { listOutbox } from '../../platform/mail/outbox-mailer.ts';

/** How many outbox messages the development mail page shows. */
export const DEV_MAIL_PAGE_SIZE = 50;

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/**
 * Development helpers, registered only outside production with the embedded mailer:
 * `/dev/mail` (page) and `/api/dev/mail` (JSON) list the newest emails of the outbox, so verification and reset links can be
 * followed without an SMTP server.
 */
export async function devRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }): Promise<void> {
  app.get('/api/dev/mail', { schema: { hide: true } }, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    const messages = await listOutbox(db, DEV_MAIL_PAGE_SIZE);
    return {
      items: messages.map((m) => ({
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        createdAt: m.createdAt.toISOString(),
      })),
    };
  });

  app.get('/dev/mail', { schema: { hide: true } }, async (_request, reply) => {
    const messages = await listOutbox(db, DEV_MAIL_PAGE_SIZE);
    const items = messages
      .map(
        (m) => `<article><h2>${escapeHtml(m.subject)}</h2>
<p><strong>An / To:</strong> ${escapeHtml(m.to)} · <time>${m.createdAt.toISOString()}</time></p>
<pre>${escapeHtml(m.text)}</pre></article>`,
      )
      .join('\n<hr>\n');
    reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');
    return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Dev-Postausgang</title></head>
<body><main><h1>Dev-Postausgang (${messages.length})</h1>${items || '<p>Noch keine E-Mails.</p>'}</main></body></html>`;
  });
}
