import { Stack } from '@mantine/core';
import {
  DURATION_BUCKETS,
  NANO_FORMATS,
  NANO_LANGUAGES,
  NANO_LICENSES,
  type SearchResult,
} from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import type { MultiValueFilter, SearchState } from '../api/search-params.ts';
import { CategoryFacet } from './category-facet.tsx';
import { CheckboxFacet, type FacetOption, RadioFacet } from './facet-fieldsets.tsx';
import { useFilterLabels } from './use-filter-labels.ts';

/** The minimum-rating choices, best first. */
export const MIN_RATING_OPTIONS = [4.5, 4, 3.5, 3] as const;

const LEVELS = [1, 2, 3] as const;

interface FilterPanelProps {
  state: SearchState;
  /** Facet counts of the current result; undefined while the first results load. */
  facets: SearchResult['facets'] | undefined;
  onChange: (next: SearchState) => void;
}

/** The filters of the search page, each a fieldset with the counts of the current result. */
export function FilterPanel({ state, facets, onChange }: FilterPanelProps) {
  const { t } = useTranslation();
  const labels = useFilterLabels();

  const optionsOf = (name: Exclude<MultiValueFilter, 'category'>, values: readonly (string | number)[]) => {
    const counts = facets ? new Map(facets[name].map((facet) => [facet.value, facet.count])) : undefined;
    return values.map(
      (value): FacetOption => ({
        value: String(value),
        label: labels.value(name, value),
        count: counts ? (counts.get(String(value)) ?? 0) : undefined,
      }),
    );
  };

  const toggle = (name: MultiValueFilter, raw: string, checked: boolean) => {
    const value = name === 'level' ? Number(raw) : raw;
    const current = state[name] as Array<string | number>;
    const next = checked ? [...current, value] : current.filter((item) => item !== value);
    onChange({ ...state, [name]: next, page: 1 });
  };

  const durationValue =
    state.durationMin !== undefined || state.durationMax !== undefined
      ? `${state.durationMin ?? ''}-${state.durationMax ?? ''}`
      : '';
  const durationCounts = facets
    ? new Map(facets.duration.map((facet) => [facet.value, facet.count]))
    : undefined;
  const durationOptions: FacetOption[] = [
    { value: '', label: t('search.any') },
    ...DURATION_BUCKETS.map(({ min, max }) => ({
      value: `${min}-${max}`,
      label: labels.duration(min, max),
      count: durationCounts ? (durationCounts.get(`${min}-${max}`) ?? 0) : undefined,
    })),
  ];
  const selectDuration = (value: string) => {
    const [min, max] = value.split('-').map((part) => (part === '' ? undefined : Number(part)));
    onChange({ ...state, durationMin: min, durationMax: max, page: 1 });
  };

  const ratingOptions: FacetOption[] = [
    { value: '', label: t('search.any') },
    ...MIN_RATING_OPTIONS.map((rating) => ({ value: String(rating), label: labels.rating(rating) })),
  ];

  return (
    <Stack gap="lg">
      <CategoryFacet
        counts={facets?.category}
        selected={state.category}
        onToggle={(id, checked) => toggle('category', id, checked)}
      />
      <CheckboxFacet
        legend={t('search.filters.level')}
        options={optionsOf('level', LEVELS)}
        selected={state.level.map(String)}
        onToggle={(value, checked) => toggle('level', value, checked)}
      />
      <CheckboxFacet
        legend={t('search.filters.language')}
        options={optionsOf('language', NANO_LANGUAGES)}
        selected={state.language}
        onToggle={(value, checked) => toggle('language', value, checked)}
      />
      <CheckboxFacet
        legend={t('search.filters.format')}
        options={optionsOf('format', NANO_FORMATS)}
        selected={state.format}
        onToggle={(value, checked) => toggle('format', value, checked)}
      />
      <RadioFacet
        legend={t('search.filters.duration')}
        options={durationOptions}
        selected={durationValue}
        onSelect={selectDuration}
      />
      <RadioFacet
        legend={t('search.filters.minRating')}
        options={ratingOptions}
        selected={state.minRating === undefined ? '' : String(state.minRating)}
        onSelect={(value) =>
          onChange({ ...state, minRating: value === '' ? undefined : Number(value), page: 1 })
        }
      />
      <CheckboxFacet
        legend={t('search.filters.license')}
        options={optionsOf('license', NANO_LICENSES)}
        selected={state.license}
        onToggle={(value, checked) => toggle('license', value, checked)}
      />
    </Stack>
  );
}
