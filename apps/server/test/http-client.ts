import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

/** A parsed Set-Cookie header, for asserting cookie attributes. */
export interface SetCookie {
  name: string;
  value: string;
  attributes: Record<string, string | true>;
}

export function parseSetCookies(response: LightMyRequestResponse): SetCookie[] {
  const raw = response.headers['set-cookie'];
  const lines = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return lines.map((line) => {
    const [pair = '', ...attrs] = line.split(';').map((p) => p.trim());
    const eq = pair.indexOf('=');
    const attributes: Record<string, string | true> = {};
    for (const attr of attrs) {
      const at = attr.indexOf('=');
      attributes[(at < 0 ? attr : attr.slice(0, at)).toLowerCase()] = at < 0 ? true : attr.slice(at + 1);
    }
    return { name: pair.slice(0, eq), value: decodeURIComponent(pair.slice(eq + 1)), attributes };
  });
}

/**
 * A browser-like client over `app.inject`: keeps cookies (respecting Path and expiry by
 * Max-Age=0), and sends the CSRF header on state-changing requests like the web app does.
 */
export class TestClient {
  readonly cookies = new Map<string, { value: string; path: string }>();

  constructor(
    private readonly app: FastifyInstance,
    private readonly defaults: { userAgent?: string; ip?: string; locale?: string } = {},
  ) {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name)?.value;
  }

  private cookieHeader(url: string): string {
    return [...this.cookies.entries()]
      .filter(([, c]) => url.startsWith(c.path))
      .map(([name, c]) => `${name}=${encodeURIComponent(c.value)}`)
      .join('; ');
  }

  private remember(response: LightMyRequestResponse): void {
    for (const cookie of parseSetCookies(response)) {
      const expired = cookie.attributes['max-age'] === '0' || cookie.value === '';
      if (expired) {
        this.cookies.delete(cookie.name);
      } else {
        this.cookies.set(cookie.name, { value: cookie.value, path: String(cookie.attributes.path ?? '/') });
      }
    }
  }

  /** Fetches the CSRF cookie once, as the web app does before its first POST. */
  async csrf(): Promise<string> {
    const existing = this.cookie('nm_csrf');
    if (existing) {
      return existing;
    }
    await this.request({ method: 'GET', url: '/api/v1/auth/csrf' });
    return this.cookie('nm_csrf') ?? '';
  }

  async request(options: InjectOptions & { url: string; csrf?: boolean }): Promise<LightMyRequestResponse> {
    const method = String(options.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = {
      'user-agent': this.defaults.userAgent ?? 'Mozilla/5.0 (X11; Linux x86_64) TestBrowser/1.0',
      'accept-language': this.defaults.locale ?? 'de',
      ...(options.headers as Record<string, string> | undefined),
    };
    if (method !== 'GET' && method !== 'HEAD' && options.csrf !== false) {
      headers['x-csrf-token'] = await this.csrf();
    }
    const cookie = this.cookieHeader(options.url);
    if (cookie) {
      headers.cookie = cookie;
    }
    const response = await this.app.inject({
      ...options,
      headers,
      remoteAddress: this.defaults.ip ?? '203.0.113.7',
    });
    this.remember(response);
    return response;
  }

  get(url: string, headers: Record<string, string> = {}) {
    return this.request({ method: 'GET', url, headers });
  }

  post(url: string, payload?: unknown, headers: Record<string, string> = {}) {
    return this.request({
      method: 'POST',
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
    });
  }

  put(url: string, payload?: unknown) {
    return this.request({
      method: 'PUT',
      url,
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
    });
  }

  patch(url: string, payload: unknown) {
    return this.request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] });
  }

  delete(url: string) {
    return this.request({ method: 'DELETE', url });
  }
}
