/** One outgoing email; every text is already localised by the caller. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string | undefined;
}

/**
 * Sends email. Embedded: written to the `mail_outbox` table and shown at `/dev/mail`.
 * Production: SMTP via nodemailer (`SMTP_URL`).
 */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** Throws when the mail transport is unreachable (readiness check). */
  check(): Promise<void>;
  close(): Promise<void>;
}
