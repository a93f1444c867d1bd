import { z } from 'zod';
import { searchHitSchema } from './search.ts';

/** Limits of curated lists (SPEC §4.4). */
export const LIST_LIMITS = {
  listsPerUserMax: 50,
  itemsPerListMax: 500,
  nameMax: 100,
  descriptionMax: 500,
} as const;

export const LIST_EXPORT_FORMATS = ['csv', 'json', 'pdf'] as const;
export const listExportFormatSchema = z.enum(LIST_EXPORT_FORMATS);
export type ListExportFormat = z.infer<typeof listExportFormatSchema>;

/** `POST /me/lists` */
export const createListRequestSchema = z.object({
  name: z.string().trim().min(1).max(LIST_LIMITS.nameMax),
  description: z.string().trim().max(LIST_LIMITS.descriptionMax).default(''),
});
export type CreateListRequest = z.input<typeof createListRequestSchema>;

/** `PATCH /lists/{id}` */
export const updateListRequestSchema = z
  .object({
    name: z.string().trim().min(1).max(LIST_LIMITS.nameMax),
    description: z.string().trim().max(LIST_LIMITS.descriptionMax),
  })
  .partial();

/** `PATCH /lists/{id}/items`: the list's Nano ids in their new order (all of them, each once). */
export const reorderListItemsRequestSchema = z.object({
  nanoIds: z.array(z.uuid()).max(LIST_LIMITS.itemsPerListMax),
});

/** A list as its owner sees it in overviews. */
export const listSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  itemCount: z.number().int(),
  /** The read-only link while sharing is on, else null. */
  shareUrl: z.string().nullable(),
  /** Only with `GET /me/lists?containing=`: whether that Nano is in this list. */
  containsNano: z.boolean().optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type CuratedList = z.infer<typeof listSchema>;

/** `GET /me/lists?containing=nanoId` */
export const listOverviewQuerySchema = z.object({ containing: z.uuid().optional() });
export const listOverviewSchema = z.object({ items: z.array(listSchema) });

/** One entry of a list: `nano` is null once the Nano is no longer published (the title stays for orientation). */
export const listItemSchema = z.object({
  nanoId: z.uuid(),
  title: z.string(),
  available: z.boolean(),
  nano: searchHitSchema.nullable(),
  addedAt: z.iso.datetime(),
});
export type ListItem = z.infer<typeof listItemSchema>;

/** `GET /lists/{id}` (owner): the list with every item in order. */
export const listDetailSchema = listSchema.extend({ items: z.array(listItemSchema) });
export type ListDetail = z.infer<typeof listDetailSchema>;

/** `POST /lists/{id}/share`: a new read-only link (rotating replaces the old one). */
export const listShareSchema = z.object({ shareUrl: z.string(), token: z.string() });

/** `GET /shared/lists/{token}` (public): only Nanos that are published now. */
export const sharedListSchema = z.object({
  name: z.string(),
  description: z.string(),
  owner: z.object({ displayName: z.string() }),
  items: z.array(searchHitSchema),
  updatedAt: z.iso.datetime(),
});
export type SharedList = z.infer<typeof sharedListSchema>;

/** The JSON export of a list (`GET /lists/{id}/export?format=json`). */
export const listExportSchema = z.object({
  name: z.string(),
  description: z.string(),
  exportedAt: z.iso.datetime(),
  items: z.array(
    z.object({
      position: z.number().int(),
      title: z.string(),
      creator: z.string(),
      durationMinutes: z.number().int().nullable(),
      level: z.number().int().nullable(),
      license: z.string().nullable(),
      url: z.string(),
      available: z.boolean(),
    }),
  ),
});
export type ListExport = z.infer<typeof listExportSchema>;
