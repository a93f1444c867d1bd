import { uploadProblemSchema } from '@nano/contracts';
import { z } from 'zod';
import { currentLocale } from '../i18n/i18n.ts';
import {
  ApiError,
  CSRF_HEADER,
  csrfToken,
  invalidResponseProblem,
  networkProblem,
  problemFromBody,
  refreshSession,
} from './client.ts';

/** One reason the server refused an uploaded ZIP (`path` null: the archive as a whole). */
export type UploadProblem = z.infer<typeof uploadProblemSchema>;

/** How far the request body has gone out; `total` is the whole body in bytes. */
export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * A refused upload (422 `upload_rejected`): besides the problem's title it lists what is wrong
 * with each entry of the ZIP, as the server words it in the interface language.
 */
export class UploadRejectedError extends ApiError {
  readonly problems: UploadProblem[];

  constructor(error: ApiError, problems: UploadProblem[]) {
    super(error.problem);
    this.name = 'UploadRejectedError';
    this.problems = problems;
  }
}

const rejectionSchema = z.object({ problems: z.array(uploadProblemSchema) });

interface Answer {
  status: number;
  body: unknown;
}

interface UploadOptions {
  method?: 'POST' | 'PUT';
  body: FormData;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function send(path: string, options: UploadOptions, token: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(options.method ?? 'POST', path);
    request.setRequestHeader('Accept', 'application/json, application/problem+json');
    request.setRequestHeader('Accept-Language', currentLocale());
    request.setRequestHeader(CSRF_HEADER, token);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) {
        options.onProgress?.({ loaded: event.loaded, total: event.total });
      }
    };
    request.onload = () => resolve({ status: request.status, body: parseJson(request.responseText) });
    request.onerror = () => reject(new ApiError(networkProblem()));
    request.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    const abort = () => request.abort();
    options.signal?.addEventListener('abort', abort, { once: true });
    request.onloadend = () => options.signal?.removeEventListener('abort', abort);
    request.send(options.body);
  });
}

function errorOf(answer: Answer): ApiError {
  const error = new ApiError(problemFromBody(answer.status, answer.body));
  if (error.code !== 'upload_rejected') {
    return error;
  }
  const rejection = rejectionSchema.safeParse(answer.body);
  return new UploadRejectedError(error, rejection.success ? rejection.data.problems : []);
}

/**
 * Sends a multipart body with `XMLHttpRequest`, because only it reports upload progress; with
 * the same CSRF header, session cookies and silent refresh after a 401 as `apiFetch`, and the
 * answer validated against its contract schema.
 * @throws UploadRejectedError for a refused ZIP, ApiError for every other failure, and an
 *   `AbortError` when `signal` cancels the upload.
 */
export async function uploadWithProgress<Schema extends z.ZodType>(
  path: string,
  schema: Schema,
  options: UploadOptions,
): Promise<z.output<Schema>> {
  let answer = await send(path, options, await csrfToken());
  if (
    answer.status === 401 &&
    problemFromBody(401, answer.body).code !== 'invalid_credentials' &&
    (await refreshSession())
  ) {
    answer = await send(path, options, await csrfToken());
  }
  if (answer.status < 200 || answer.status >= 300) {
    throw errorOf(answer);
  }
  const parsed = schema.safeParse(answer.body);
  if (!parsed.success) {
    throw new ApiError(invalidResponseProblem(answer.status), { cause: parsed.error });
  }
  return parsed.data;
}
