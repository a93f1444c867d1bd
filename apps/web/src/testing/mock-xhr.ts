type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

interface ProgressLike {
  lengthComputable: boolean;
  loaded: number;
  total: number;
}

/** The bytes a multipart body would take, roughly: enough for progress events. */
function sizeOf(body: unknown): number {
  if (!(body instanceof FormData)) {
    return 0;
  }
  let size = 0;
  for (const [, value] of body.entries()) {
    size += typeof value === 'string' ? value.length : value.size;
  }
  return Math.max(size, 1);
}

/**
 * An `XMLHttpRequest` that answers through the same mocked routes as `fetch` (see `mockApi`),
 * reporting upload progress at half and at all of the body first, as a browser would.
 */
export function createXhrMock(fetchMock: FetchLike) {
  return class MockXMLHttpRequest {
    status = 0;
    responseText = '';
    upload: { onprogress: ((event: ProgressLike) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    onloadend: (() => void) | null = null;
    private method = 'GET';
    private url = '';
    private readonly headers = new Headers();
    private aborted = false;

    open(method: string, url: string) {
      this.method = method;
      this.url = url;
    }

    setRequestHeader(name: string, value: string) {
      this.headers.set(name, value);
    }

    abort() {
      this.aborted = true;
      this.onabort?.();
      this.onloadend?.();
    }

    send(body: Document | XMLHttpRequestBodyInit | null) {
      const total = sizeOf(body);
      void (async () => {
        for (const loaded of [Math.floor(total / 2), total]) {
          await Promise.resolve();
          this.upload.onprogress?.({ lengthComputable: true, loaded, total });
        }
        const response = await fetchMock(this.url, {
          method: this.method,
          headers: this.headers,
          body: body as BodyInit,
        });
        if (this.aborted) {
          return;
        }
        this.status = response.status;
        this.responseText = await response.text();
        this.onload?.();
        this.onloadend?.();
      })();
    }
  };
}
