import type { Category, CategoryTreeNode, Problem } from '@nano/contracts';

type Names = [de: string, en: string];

/** A top-level category with children, shaped as `GET /api/v1/categories` returns it. */
export function createCategoryNode(
  slug: string,
  [de, en]: Names,
  children: Array<[slug: string, names: Names]> = [],
  position = 0,
): CategoryTreeNode {
  const id = crypto.randomUUID();
  return {
    id,
    slug,
    name: { de, en },
    parentId: null,
    position,
    children: children.map(
      ([childSlug, [childDe, childEn]], index): Category => ({
        id: crypto.randomUUID(),
        slug: childSlug,
        name: { de: childDe, en: childEn },
        parentId: id,
        position: index,
      }),
    ),
  };
}

/** A small slice of the seeded taxonomy: two top-level categories with a few children each. */
export function createCategoryTree(): { items: CategoryTreeNode[] } {
  return {
    items: [
      createCategoryNode(
        'business',
        ['Business Skills', 'Business skills'],
        [
          ['business-excel', ['Excel', 'Excel']],
          ['business-projektmanagement', ['Projektmanagement', 'Project management']],
        ],
        0,
      ),
      createCategoryNode(
        'it',
        ['IT & Software', 'IT & software'],
        [
          ['it-python', ['Python', 'Python']],
          ['it-ki', ['Künstliche Intelligenz', 'Artificial intelligence']],
        ],
        1,
      ),
    ],
  };
}

/** An RFC 9457 problem as the API sends it. */
export function createProblem(overrides: Partial<Problem> = {}): Problem {
  return {
    type: 'about:blank',
    title: 'Dienst vorübergehend nicht verfügbar',
    status: 503,
    code: 'service_unavailable',
    ...overrides,
  };
}
