import { z } from 'zod';

/** Localised labels of a category: German is required, English falls back to German. */
export const categoryNameSchema = z.object({
  de: z.string().min(1).max(100),
  en: z.string().min(1).max(100),
});

/** A node of the two-level topic taxonomy. */
export const categorySchema = z.object({
  id: z.uuid(),
  /** URL-safe stable identifier, e.g. `it-python`. */
  slug: z.string(),
  name: categoryNameSchema,
  /** Parent category id; null for a top-level category. */
  parentId: z.uuid().nullable(),
  position: z.number().int(),
});
export type Category = z.infer<typeof categorySchema>;

/** A top-level category with its children, as the tree endpoint returns it. */
export const categoryTreeNodeSchema = categorySchema.extend({ children: z.array(categorySchema) });
export type CategoryTreeNode = z.infer<typeof categoryTreeNodeSchema>;

/** `GET /api/v1/categories`. */
export const categoryTreeSchema = z.object({
  /** The categories offered for filing and filtering: active ones under active parents. */
  items: z.array(categoryTreeNodeSchema),
  /**
   * Deactivated categories (and the children of deactivated parents): no longer offered, but
   * still on the Nanos filed under them, so clients need their names.
   */
  inactive: z.array(categorySchema).optional(),
});
export type CategoryTree = z.infer<typeof categoryTreeSchema>;
