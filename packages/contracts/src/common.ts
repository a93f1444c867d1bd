import { z } from 'zod';

/** Supported interface languages; German is the default everywhere. */
export const LOCALES = ['de', 'en'] as const;
export const DEFAULT_LOCALE = 'de' as const;
export const localeSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof localeSchema>;

/** Largest page a list endpoint returns, and the default page size (ARCHITECTURE A5). */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** `?page=&pageSize=` of every paged list. */
export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1).describe('1-based page number'),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
    .default(DEFAULT_PAGE_SIZE)
    .describe(`Items per page, at most ${MAX_PAGE_SIZE}`),
});

/** Builds the `{ items, total, page, pageSize }` envelope of a paged list. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
  });
}

/** One field-level problem inside a validation error. */
export const fieldErrorSchema = z.object({
  /** Dotted path of the offending field, e.g. `body.email` or `query.page`. */
  field: z.string(),
  /** Stable machine code of the problem, e.g. `too_big`. */
  code: z.string(),
  /** Localised, human-readable message. */
  message: z.string(),
});

/** One reason a ZIP was refused, per entry (`path` null for the archive as a whole). */
export const uploadProblemSchema = z.object({
  path: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});

/** RFC 9457 problem details, as every API error is returned (`application/problem+json`). */
export const problemSchema = z.object({
  type: z.string().describe('URI identifying the problem type'),
  title: z.string().describe('Localised short summary'),
  status: z.number().int(),
  detail: z.string().optional().describe('Localised explanation of this occurrence'),
  instance: z.string().optional(),
  /** Stable machine-readable error code, e.g. `validation_failed`, `not_found`. */
  code: z.string(),
  requestId: z.string().optional(),
  errors: z.array(fieldErrorSchema).optional(),
  /** A refused upload (`upload_rejected`): every offending ZIP entry with a localised reason. */
  problems: z.array(uploadProblemSchema).optional(),
});
export type Problem = z.infer<typeof problemSchema>;
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** Answer of `/health/live` and `/health/ready`. */
export const healthSchema = z.object({
  status: z.enum(['ok', 'fail']),
  checks: z
    .record(z.string(), z.object({ status: z.enum(['ok', 'fail']), error: z.string().optional() }))
    .optional(),
});
export type Health = z.infer<typeof healthSchema>;
