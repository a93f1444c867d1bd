import { Checkbox, Fieldset, Stack } from '@mantine/core';
import type { CategoryTreeNode, FacetCount } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { useCategories } from '../../../shared/api/get-categories.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { type FacetOption, FIELDSET_STYLES, useOptionLabel } from './facet-fieldsets.tsx';

interface CategoryFacetProps {
  /** Counts per category id on the current result; undefined while the first results load. */
  counts: FacetCount[] | undefined;
  selected: readonly string[];
  onToggle: (id: string, checked: boolean) => void;
}

/**
 * A top-level category's count: the server's own when it sends one (a parent includes its
 * children, and a Nano in two children counts once), else the sum over its children.
 */
function parentCount(node: CategoryTreeNode, counts: Map<string, number>): number {
  return counts.get(node.id) ?? node.children.reduce((sum, child) => sum + (counts.get(child.id) ?? 0), 0);
}

/** The category filter as the two-level topic tree; choosing a top-level category includes its subtopics. */
export function CategoryFacet({ counts, selected, onToggle }: CategoryFacetProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const optionLabel = useOptionLabel();
  const categories = useCategories();
  if (!categories.data) {
    return null;
  }
  const byId = counts ? new Map(counts.map((facet) => [facet.value, facet.count])) : undefined;
  const isOffered = (id: string, count: number | undefined) =>
    count === undefined || count > 0 || selected.includes(id);
  const tree = categories.data.items
    .toSorted((a, b) => a.position - b.position)
    .map((node) => ({
      node,
      option: {
        value: node.id,
        label: node.name[locale],
        count: byId && parentCount(node, byId),
      } as FacetOption,
      children: node.children
        .toSorted((a, b) => a.position - b.position)
        .map(
          (child): FacetOption => ({
            value: child.id,
            label: child.name[locale],
            count: byId?.get(child.id) ?? (byId ? 0 : undefined),
          }),
        )
        .filter((child) => isOffered(child.value, child.count)),
    }))
    .filter(({ option, children }) => isOffered(option.value, option.count) || children.length > 0);
  if (tree.length === 0) {
    return null;
  }
  return (
    <Fieldset legend={t('search.filters.category')} variant="unstyled" styles={FIELDSET_STYLES}>
      <Stack gap={8}>
        {tree.map(({ option, children }) => (
          <Stack key={option.value} gap={6}>
            <Checkbox
              label={optionLabel(option)}
              checked={selected.includes(option.value)}
              onChange={(event) => onToggle(option.value, event.currentTarget.checked)}
            />
            {children.length > 0 && (
              <Stack gap={6} pl="lg">
                {children.map((child) => (
                  <Checkbox
                    key={child.value}
                    label={optionLabel(child)}
                    checked={selected.includes(child.value)}
                    onChange={(event) => onToggle(child.value, event.currentTarget.checked)}
                  />
                ))}
              </Stack>
            )}
          </Stack>
        ))}
      </Stack>
    </Fieldset>
  );
}
