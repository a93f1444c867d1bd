import { NANO_LIMITS, type SearchFilters } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { useCategories } from '../../../shared/api/get-categories.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { categoryNames, formatRating, languageName } from '../../../shared/nanos/format.ts';
import { LICENSE_KEYS } from '../../../shared/nanos/labels.ts';
import { MULTI_VALUE_FILTERS, type MultiValueFilter, type SearchState } from '../api/search-params.ts';

/** One active filter: what it reads as ("Niveau: Grundlagen") and the search without it. */
export interface ActiveFilter {
  key: string;
  label: string;
  remove: (state: SearchState) => SearchState;
}

/** The names of filter values in the interface language: levels, languages, licences, categories, ranges. */
export function useFilterLabels() {
  const { t } = useTranslation();
  const locale = useLocale();
  const categories = useCategories();
  const names = categoryNames(categories.data, locale);

  const value = (name: MultiValueFilter, raw: string | number): string => {
    switch (name) {
      case 'category':
        return names.get(String(raw)) ?? t('nano.unknownCategory');
      case 'level':
        return t(`nanoLevel.${raw as 1 | 2 | 3}`);
      case 'language':
        return languageName(String(raw), locale);
      case 'format':
        return t(`nanoFormat.${raw as 'video'}`);
      case 'license':
        return t(`license.${LICENSE_KEYS[raw as keyof typeof LICENSE_KEYS]}.name`);
    }
  };

  /** "6–15 Min.", "bis 15 Min.", "über 60 Min." */
  const duration = (min: number | undefined, max: number | undefined): string => {
    if (min !== undefined && (max === undefined || max >= NANO_LIMITS.durationMax)) {
      return t('search.duration.over', { count: min - 1 });
    }
    if (min === undefined || min <= NANO_LIMITS.durationMin) {
      return t('search.duration.upTo', { count: max ?? NANO_LIMITS.durationMax });
    }
    return t('search.duration.range', { min, max });
  };

  const rating = (minRating: number) =>
    t('search.rating.atLeast', { rating: formatRating(minRating, locale) });

  /** Every active filter of a search, in the order of the sidebar. */
  const activeFilters = (filters: SearchFilters): ActiveFilter[] => {
    const active: ActiveFilter[] = [];
    for (const name of MULTI_VALUE_FILTERS) {
      for (const raw of filters[name]) {
        active.push({
          key: `${name}:${raw}`,
          label: `${t(`search.filters.${name}`)}: ${value(name, raw)}`,
          remove: (state) => ({
            ...state,
            [name]: (state[name] as Array<string | number>).filter((item) => item !== raw),
            page: 1,
          }),
        });
      }
    }
    if (filters.durationMin !== undefined || filters.durationMax !== undefined) {
      active.push({
        key: 'duration',
        label: `${t('search.filters.duration')}: ${duration(filters.durationMin, filters.durationMax)}`,
        remove: (state) => ({ ...state, durationMin: undefined, durationMax: undefined, page: 1 }),
      });
    }
    if (filters.minRating !== undefined) {
      active.push({
        key: 'minRating',
        label: `${t('search.filters.minRating')}: ${rating(filters.minRating)}`,
        remove: (state) => ({ ...state, minRating: undefined, page: 1 }),
      });
    }
    if (filters.creator) {
      active.push({
        key: 'creator',
        label: `${t('search.filters.creator')}: @${filters.creator}`,
        remove: (state) => ({ ...state, creator: undefined, page: 1 }),
      });
    }
    return active;
  };

  /** A saved search in one line: „excel“ · Niveau: Grundlagen · Sortierung: Bewertung. */
  const summary = (filters: SearchFilters): string => {
    const parts = [
      filters.q ? t('search.summary.query', { q: filters.q }) : t('search.summary.noQuery'),
      ...activeFilters(filters).map((filter) => filter.label),
    ];
    if (filters.sort !== 'relevance') {
      parts.push(`${t('search.sort.label')}: ${t(`search.sort.${filters.sort}`)}`);
    }
    return parts.join(' · ');
  };

  return { value, duration, rating, activeFilters, summary };
}
