import nodemailer from 'nodemailer';
import SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import type { Mailer } from '../mail.ts';
import { inSpan, SpanKind } from '../tracing/spans.ts';

/** Settings of the SMTP mailer. */
export interface SmtpMailerOptions {
  /** `smtp://user:pass@host:587` or `smtps://…:465`; nodemailer options may be added as query parameters. */
  url: string;
  /** The sender of every mail, e.g. `Nano-Marktplatz <noreply@example.org>`. */
  from: string;
}

/**
 * The production mailer: SMTP through a nodemailer connection pool, so a burst of mails (a digest job)
 * reuses a few connections instead of opening one per mail. `close()` closes the pool.
 */
export function createSmtpMailer(options: SmtpMailerOptions): Mailer {
  // The pool is built directly because createTransport({ url, pool }) reads only the URL and drops
  // the other options. Query parameters of the URL still override these defaults.
  const transporter = nodemailer.createTransport(
    new SMTPPool({
      pool: true,
      url: options.url,
      // nodemailer waits up to 2 minutes by default; a readiness check must answer well before that.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
    }),
  );
  const server = new URL(options.url);
  const spanAttributes = {
    'server.address': server.hostname,
    'server.port': Number(server.port) || (server.protocol === 'smtps:' ? 465 : 587),
  };
  return {
    send: async (message) => {
      // No instrumentation library covers nodemailer; this client span stands for the SMTP exchange.
      await inSpan('smtp send', { kind: SpanKind.CLIENT, attributes: spanAttributes }, () =>
        transporter.sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
        }),
      );
    },
    check: async () => {
      await transporter.verify();
    },
    close: async () => {
      transporter.close();
    },
  };
}
