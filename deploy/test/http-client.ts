import { randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { expect } from 'vitest';
import { makeZip } from '../../apps/server/test/nano-fixtures.ts';
import { DEMO_PASSWORD } from './app-process.ts';

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A browser-like client: keeps cookies and, behind nginx, trusts the generated certificate (`ca`). */
export class Client {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly base: string,
    private readonly ca?: Buffer,
    /** The Origin of state-changing calls: the public URL's, as the web app's own. */
    private readonly origin = base,
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  request(
    method: string,
    urlPath: string,
    { headers = {}, body }: { headers?: Record<string, string>; body?: Buffer | string } = {},
  ): Promise<Answer> {
    const url = new URL(urlPath, this.base);
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const request = transport.request(
        url,
        {
          method,
          ca: this.ca,
          headers: {
            ...(this.cookies.size > 0 ? { cookie: this.cookieHeader() } : {}),
            ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}),
            ...headers,
          },
        },
        (response) => {
          for (const line of response.headers['set-cookie'] ?? []) {
            const [pair = ''] = line.split(';');
            const eq = pair.indexOf('=');
            this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
          }
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.setTimeout(120_000, () => request.destroy(new Error(`${method} ${urlPath} timed out`)));
      request.end(body);
    });
  }

  /** A state-changing API call with the double-submit CSRF token. */
  async send(method: string, urlPath: string, json: unknown): Promise<Answer> {
    return this.request(method, urlPath, {
      headers: {
        'content-type': 'application/json',
        'x-csrf-token': this.cookies.get('nm_csrf') ?? '',
        origin: this.origin,
      },
      body: JSON.stringify(json),
    });
  }

  async logIn(login: string): Promise<void> {
    const csrf = await this.request('GET', '/api/v1/auth/csrf');
    expect(csrf.status, csrf.body).toBe(200);
    const answer = await this.send('POST', '/api/v1/auth/login', { login, password: DEMO_PASSWORD });
    expect(answer.status, answer.body).toBe(200);
  }
}

/** A ZIP of about `bytes` bytes: one stored (uncompressed) text file of random Base64. */
export function makeRandomZip(bytes: number): Promise<Buffer> {
  return makeZip(
    { 'material/daten.txt': Buffer.from(randomBytes((bytes * 3) / 4).toString('base64')) },
    { compress: false },
  );
}
