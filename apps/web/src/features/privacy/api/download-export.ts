import { ApiError, networkProblem, problemFromBody, refreshSession } from '../../../shared/api/client.ts';
import { currentLocale } from '../../../shared/i18n/i18n.ts';

/** The problem code with which the download asks for the password again (sign-in too old). */
export const REAUTHENTICATION_REQUIRED = 'reauthentication_required';

/** The file name from `Content-Disposition`, else a neutral one. */
function fileNameOf(response: Response): string {
  const header = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) {
    return decodeURIComponent(star[1]);
  }
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain?.[1] ?? 'nano-marktplatz-daten.zip';
}

async function get(path: string): Promise<Response> {
  try {
    return await fetch(path, {
      credentials: 'same-origin',
      headers: { Accept: 'application/zip, application/problem+json', 'Accept-Language': currentLocale() },
    });
  } catch (error) {
    throw new ApiError(networkProblem(), { cause: error });
  }
}

/**
 * `GET /api/v1/me/data-exports/{id}/download`, fetched (with the session cookie) as a blob and
 * saved through a temporary object-URL link. Fetching first, rather than pointing a plain link
 * at the endpoint, lets the page see a `403 reauthentication_required` and ask for the password
 * instead of leaving the browser on a JSON error page. An expired access token is refreshed once.
 * @throws ApiError with the server's problem (e.g. `reauthentication_required`, 404, 410).
 */
export async function downloadDataExport(id: string): Promise<void> {
  const path = `/api/v1/me/data-exports/${encodeURIComponent(id)}/download`;
  let response = await get(path);
  if (response.status === 401 && (await refreshSession())) {
    response = await get(path);
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw new ApiError(problemFromBody(response.status, body));
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response);
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL is revoked.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
