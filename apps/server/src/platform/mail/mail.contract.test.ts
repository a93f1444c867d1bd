import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/database.ts';
import type { Mailer } from '../mail.ts';
import { createOutboxMailer, listOutbox } from './outbox-mailer.ts';
import { createSmtpMailer } from './smtp-mailer.ts';

/** A mail as its reader would see it, whichever way it travelled. */
interface ReadBackMail {
  to: string;
  subject: string;
  text: string;
  html: string | null;
}

interface MailerUnderTest {
  mailer: Mailer;
  /** The newest `count` mails that arrived, newest first. */
  readBack(count: number): Promise<ReadBackMail[]>;
  /** Takes the transport away (SMTP only: the server goes down). */
  stopTransport: (() => Promise<void>) | undefined;
  teardown(): Promise<void>;
}

interface Implementation {
  name: string;
  /** Why the suite cannot run here, or undefined when it can. */
  skipReason: string | undefined;
  /** Whether the transport is a server that can become unreachable. */
  remote: boolean;
  create(): Promise<MailerUnderTest>;
}

const implementations: Implementation[] = [
  {
    name: 'outbox',
    skipReason: undefined,
    remote: false,
    create: async () => {
      const database = await createTestDatabase();
      const mailer = createOutboxMailer(database.db);
      return {
        mailer,
        readBack: async (count) =>
          (await listOutbox(database.db, count)).map(({ to, subject, text, html }) => ({
            to,
            subject,
            text,
            html,
          })),
        stopTransport: undefined,
        teardown: async () => {
          await mailer.close();
          await database.close();
        },
      };
    },
  },
  {
    name: 'smtp',
    skipReason:
      process.env.TEST_SERVICES === '1' ? undefined : 'set TEST_SERVICES=1 to run against an SMTP server',
    remote: true,
    create: async () => {
      const sink = await startSmtpSink();
      const mailer = createSmtpMailer({
        url: `smtp://127.0.0.1:${sink.port}`,
        from: 'Nano-Marktplatz <noreply@nano.test>',
      });
      return {
        mailer,
        readBack: async (count) => sink.received.slice(-count).reverse(),
        stopTransport: sink.stop,
        teardown: async () => {
          await mailer.close();
          await sink.stop();
        },
      };
    },
  },
];

describe.each(implementations)('mail contract: $name', ({ skipReason, remote, create }) => {
  if (skipReason) {
    it.skip(skipReason, () => undefined);
    return;
  }

  let subject: MailerUnderTest;
  beforeAll(async () => {
    subject = await create();
  });
  afterAll(async () => {
    await subject.teardown();
  });

  it('passes the readiness check', async () => {
    await expect(subject.mailer.check()).resolves.toBeUndefined();
  });

  it('delivers a plain-text mail that can be read back', async () => {
    await subject.mailer.send({ to: 'lena@example.org', subject: 'Willkommen', text: 'Hallo Lena' });
    expect(await subject.readBack(1)).toEqual([
      { to: 'lena@example.org', subject: 'Willkommen', text: 'Hallo Lena', html: null },
    ]);
  });

  it('keeps umlauts, long lines and the HTML alternative intact', async () => {
    const mail = {
      to: 'juergen@example.org',
      subject: 'Bestätigen Sie Ihre E-Mail-Adresse',
      text: [
        'Hallo Jürgen,',
        '',
        `bitte bestätigen Sie Ihre E-Mail-Adresse über diesen Link, der 24 Stunden gültig ist: https://nano.test/verify?token=${'x'.repeat(60)}`,
        '',
        'Grüße, Ihr Nano-Marktplatz-Team – Straße 1, Köln',
      ].join('\n'),
      html: '<p>Hallo Jürgen,</p><p>bitte <a href="https://nano.test/verify">bestätigen</a> Sie Ihre E-Mail-Adresse.</p>',
    };
    await subject.mailer.send(mail);
    expect(await subject.readBack(1)).toEqual([mail]);
  });

  it('keeps the order in which mails were sent', async () => {
    await subject.mailer.send({ to: 'a@example.org', subject: 'Erste', text: '1' });
    await subject.mailer.send({ to: 'b@example.org', subject: 'Zweite', text: '2' });
    expect((await subject.readBack(2)).map((mail) => mail.subject)).toEqual(['Zweite', 'Erste']);
  });

  it.runIf(remote)('fails the readiness check when the mail server is down', async () => {
    const stopTransport = subject.stopTransport;
    if (!stopTransport) {
      throw new Error('this implementation cannot stop its transport');
    }
    await stopTransport();
    await expect(subject.mailer.check()).rejects.toThrow();
  });
});

interface SmtpSink {
  port: number;
  received: ReadBackMail[];
  /** Stops listening; safe to call twice. */
  stop(): Promise<void>;
}

/** A real SMTP server on a free local port that keeps what it receives, decoded as a mail client would. */
async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReadBackMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    secure: false,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // The mailer's pool keeps idle connections; without this, stop() would wait 30 s for them.
    closeTimeout: 100,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        try {
          const recipients = session.envelope.rcptTo.map((address) => address.address).join(', ');
          received.push({ to: recipients, ...decodeMail(Buffer.concat(chunks).toString('utf8')) });
          callback();
        } catch (error) {
          callback(error instanceof Error ? error : new Error(String(error)));
        }
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  let stopped: Promise<void> | undefined;
  return {
    port,
    received,
    stop: () => {
      stopped ??= new Promise<void>((resolve) => server.close(() => resolve()));
      return stopped;
    },
  };
}

/** Subject, text and HTML of a raw RFC 5322 message as nodemailer writes it (no attachments). */
function decodeMail(raw: string): Omit<ReadBackMail, 'to'> {
  const message = parsePart(raw);
  const subject = decodeHeader(requireHeader(message.headers, 'subject'));
  const contentType = message.headers.get('content-type') ?? 'text/plain';
  if (!contentType.startsWith('multipart/')) {
    return { subject, text: decodeBody(message), html: null };
  }
  const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
  if (!boundary) {
    throw new Error(`multipart mail without boundary: ${contentType}`);
  }
  const parts = message.body
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((part) => parsePart(part.replace(/^\r\n/, '').replace(/\r\n$/, '')));
  const find = (type: string) => parts.find((part) => part.headers.get('content-type')?.startsWith(type));
  const text = find('text/plain');
  const html = find('text/html');
  return { subject, text: text ? decodeBody(text) : '', html: html ? decodeBody(html) : null };
}

interface MimePart {
  headers: Map<string, string>;
  body: string;
}

function parsePart(raw: string): MimePart {
  const end = raw.indexOf('\r\n\r\n');
  const head = end === -1 ? raw : raw.slice(0, end);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
  }
  return { headers, body: end === -1 ? '' : raw.slice(end + 4) };
}

function requireHeader(headers: Map<string, string>, name: string): string {
  const value = headers.get(name);
  if (value === undefined) {
    throw new Error(`mail has no ${name} header`);
  }
  return value;
}

/** Decodes RFC 2047 encoded words; adjacent ones are joined byte-wise, as a character may span two. */
function decodeHeader(value: string): string {
  return value.replace(/\?=\s+=\?/g, '?==?').replace(/(?:=\?[^?]+\?[QqBb]\?[^?]*\?=)+/g, (run) => {
    const bytes = [...run.matchAll(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g)].map(
      ([, charset, encoding, text]) => {
        if (charset?.toLowerCase() !== 'utf-8') {
          throw new Error(`unexpected charset ${charset}`);
        }
        return encoding?.toUpperCase() === 'B'
          ? Buffer.from(text ?? '', 'base64')
          : quotedPrintableBytes((text ?? '').replace(/_/g, ' '));
      },
    );
    return Buffer.concat(bytes).toString('utf8');
  });
}

/** The body as the text the sender wrote: transfer encoding undone, CRLF back to LF. */
function decodeBody(part: MimePart): string {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  let text: string;
  if (encoding === 'quoted-printable') {
    text = quotedPrintableBytes(part.body.replace(/=\r\n/g, '')).toString('utf8');
  } else if (encoding === 'base64') {
    text = Buffer.from(part.body, 'base64').toString('utf8');
  } else {
    text = part.body;
  }
  return text.replace(/\r\n/g, '\n').replace(/\n$/, '');
}

function quotedPrintableBytes(text: string): Buffer {
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const hex = text.slice(index + 1, index + 3);
    if (text[index] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      index += 2;
    } else {
      bytes.push(...Buffer.from(text[index] ?? '', 'utf8'));
    }
  }
  return Buffer.from(bytes);
}
